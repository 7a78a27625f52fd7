package pena.corpus;

/** A problem with the user's text that the user can fix; the message is one line naming the file. */
public class CorpusException extends RuntimeException {
    public CorpusException(String message) {
        super(message);
    }

    public CorpusException(String message, Throwable cause) {
        super(message, cause);
    }
}
