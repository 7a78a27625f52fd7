package pena.inspect;

import java.util.List;

/**
 * Features of a text a Portuguese reader can name, defined here and nowhere else: the value of
 * each at every character, read as the state after that character (so the character that opens
 * a quotation is inside it, the one that closes it is outside). Binary features are 0 or 1 and
 * ranked by AUC; graded ones rise from 0 to 1 and are ranked by correlation.
 */
public enum TextFeature {
    /** Inside "…", “…” or «…» (a straight quote opens and closes in turn). */
    QUOTATION("inside quotation marks", "dentro de aspas", true),
    /** Inside (…), nested or not. */
    PARENTHESES("inside parentheses", "dentro de parênteses", true),
    /** A line of dialogue: from a dash (— – -) at the start of a line to the line's end. */
    DIALOGUE("a line of dialogue", "uma fala (linha de diálogo)", true),
    /** Position inside a word: 1/k … the k-th letter of its word gives 1 − 1/k; 0 outside words. */
    WORD_POSITION("position inside a word", "posição dentro da palavra", false),
    /** Approach of a sentence end: 1 at . ! ? or …, falling linearly to 0 forty characters before. */
    SENTENCE_END("approach of a sentence end", "aproximação do fim da frase", false),
    /** A capital letter. */
    CAPITAL("a capital letter", "uma letra maiúscula", true),
    /** An accented vowel: á à â ã é ê í ó ô õ ú ü, either case. */
    ACCENTED_VOWEL("an accented vowel", "uma vogal acentuada", true),
    /** A digit. */
    DIGIT("a digit", "um algarismo", true);

    /** How far back the approach of a sentence end is felt, in characters. */
    static final int SENTENCE_REACH = 40;
    private static final String ACCENTED = "áàâãéêíóôõúüÁÀÂÃÉÊÍÓÔÕÚÜ";

    public final String english;
    public final String portuguese;
    /** Whether the feature is 0 or 1 (ranked by AUC) rather than graded (ranked by correlation). */
    public final boolean binary;

    TextFeature(String english, String portuguese, boolean binary) {
        this.english = english;
        this.portuguese = portuguese;
        this.binary = binary;
    }

    /** The measure a unit is ranked by for this feature. */
    public String measure() {
        return binary ? "AUC" : "|r|";
    }

    /** The feature's value after each character of {@code characters} (one string per character). */
    public double[] values(List<String> characters) {
        int n = characters.size();
        double[] v = new double[n];
        switch (this) {
            case QUOTATION -> {
                boolean inside = false;
                for (int t = 0; t < n; t++) {
                    String c = characters.get(t);
                    if (c.equals("\"")) {
                        inside = !inside;
                    } else if (c.equals("“") || c.equals("«")) {
                        inside = true;
                    } else if (c.equals("”") || c.equals("»")) {
                        inside = false;
                    }
                    v[t] = inside ? 1 : 0;
                }
            }
            case PARENTHESES -> {
                int depth = 0;
                for (int t = 0; t < n; t++) {
                    String c = characters.get(t);
                    if (c.equals("(")) {
                        depth++;
                    } else if (c.equals(")")) {
                        depth = Math.max(0, depth - 1);
                    }
                    v[t] = depth > 0 ? 1 : 0;
                }
            }
            case DIALOGUE -> {
                boolean lineStart = true;
                boolean speaking = false;
                for (int t = 0; t < n; t++) {
                    String c = characters.get(t);
                    if (c.equals("\n")) {
                        lineStart = true;
                        speaking = false;
                        continue;
                    }
                    if (lineStart && (c.equals("—") || c.equals("–") || c.equals("-"))) {
                        speaking = true;
                    }
                    if (!c.equals(" ") && !c.equals("\t")) {
                        lineStart = false;
                    }
                    v[t] = speaking ? 1 : 0;
                }
            }
            case WORD_POSITION -> {
                int k = 0;
                for (int t = 0; t < n; t++) {
                    k = isLetter(characters.get(t)) ? k + 1 : 0;
                    v[t] = k == 0 ? 0 : 1 - 1.0 / k;
                }
            }
            case SENTENCE_END -> {
                int next = -1; // index of the next sentence end at or after t
                for (int t = n - 1; t >= 0; t--) {
                    String c = characters.get(t);
                    if (c.equals(".") || c.equals("!") || c.equals("?") || c.equals("…")) {
                        next = t;
                    }
                    v[t] = next < 0 ? 0 : Math.max(0, 1 - (double) (next - t) / SENTENCE_REACH);
                }
            }
            case CAPITAL -> {
                for (int t = 0; t < n; t++) {
                    String c = characters.get(t);
                    v[t] = c.length() == 1 && Character.isUpperCase(c.charAt(0)) ? 1 : 0;
                }
            }
            case ACCENTED_VOWEL -> {
                for (int t = 0; t < n; t++) {
                    String c = characters.get(t);
                    v[t] = c.length() == 1 && ACCENTED.indexOf(c.charAt(0)) >= 0 ? 1 : 0;
                }
            }
            case DIGIT -> {
                for (int t = 0; t < n; t++) {
                    String c = characters.get(t);
                    v[t] = c.length() == 1 && Character.isDigit(c.charAt(0)) ? 1 : 0;
                }
            }
        }
        return v;
    }

    private static boolean isLetter(String c) {
        return c.length() == 1 && Character.isLetter(c.charAt(0));
    }
}
