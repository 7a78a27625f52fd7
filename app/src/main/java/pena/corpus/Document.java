package pena.corpus;

/**
 * One text of a corpus: a book, a story, a file.
 *
 * @param name where it came from (file name), for messages
 * @param text its content, NFC-normalized, line ends as {@code \n}
 */
public record Document(String name, String text) {
    /** Length in Unicode code points, which is what a character model counts. */
    public int codePointLength() {
        return text.codePointCount(0, text.length());
    }
}
