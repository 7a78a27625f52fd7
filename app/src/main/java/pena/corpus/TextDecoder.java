package pena.corpus;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns bytes into Pena's canonical text: strict UTF-8 (no silent replacement characters),
 * byte-order mark removed, {@code \r\n} and {@code \r} as {@code \n}, Unicode NFC so that
 * "ã" is one code point whichever way the source wrote it.
 */
public final class TextDecoder {
    private TextDecoder() {
    }

    /**
     * @param source the file or URL, named in error messages
     * @throws CorpusException for binary data or bytes that are not UTF-8
     */
    public static String decode(String source, byte[] bytes) {
        if (looksUtf16(bytes)) {
            throw new CorpusException(source + ": UTF-16 text; convert it to UTF-8 first: iconv -f utf-16 -t utf-8 '"
                    + source + "' > converted.txt");
        }
        int nul = indexOfNul(bytes);
        if (nul >= 0 || looksBinary(bytes)) {
            throw new CorpusException(source + ": looks like a binary file, not text" + (nul >= 0 ? " (a NUL byte at "
                    + "byte " + nul + ")" : "") + "; give a UTF-8 text file (.txt)");
        }
        String text = strictUtf8(source, bytes);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return TextForm.canonical(text);
    }

    /**
     * One rule for NUL bytes wherever they are: text has none (UTF-8 never encodes anything else
     * with a zero byte), so a file with one is not text.
     */
    private static int indexOfNul(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A UTF-16 byte-order mark, or the shape UTF-16 gives Latin text: a zero byte in every other
     * position (even ones for big-endian, odd ones for little-endian) over the first 8 KB.
     */
    static boolean looksUtf16(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            return true;
        }
        int n = Math.min(bytes.length, 8192) & ~1;
        if (n < 8) {
            return false;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < n; i += 2) {
            evenZeros += bytes[i] == 0 ? 1 : 0;
            oddZeros += bytes[i + 1] == 0 ? 1 : 0;
        }
        int pairs = n / 2;
        return (evenZeros * 10 > pairs * 7 && oddZeros * 10 < pairs) || (oddZeros * 10 > pairs * 7 && evenZeros * 10 < pairs);
    }

    private static String strictUtf8(String source, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new CorpusException(source + ": not valid UTF-8 (byte " + in.position()
                    + "); if it is Latin-1, convert it first: iconv -f latin1 -t utf-8 '" + source
                    + "' > converted.txt");
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    /** Many control characters in the first 8 KB: an image, a zip, a .doc. */
    static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        return n > 0 && control * 10 > n;
    }
}
