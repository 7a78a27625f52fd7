package pena.corpus;

import java.text.Normalizer;

/**
 * The one canonical form of text in Pena: line ends as {@code \n} ({@code \r\n} and lone
 * {@code \r} included) and Unicode NFC, so that "não" typed with a combining tilde, pasted from
 * Windows or read from a corpus is the same sequence of symbols. Corpora are read into it, and
 * every text given to a model (a prime, a sentence to inspect, the page's input) is put into it
 * before the model reads it.
 */
public final class TextForm {
    private TextForm() {
    }

    public static String canonical(String text) {
        String lines = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
        return Normalizer.isNormalized(lines, Normalizer.Form.NFC) ? lines
                : Normalizer.normalize(lines, Normalizer.Form.NFC);
    }
}
