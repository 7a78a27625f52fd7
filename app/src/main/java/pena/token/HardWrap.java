package pena.token;

import java.util.Arrays;

/**
 * Undoes hard line wrapping before words are cut. Many public-domain texts (Machado's novels in
 * ../shared/corpora among them) break every line near a fixed width, so most line breaks fall
 * in the middle of sentences; as word tokens they would teach a model to put paragraph breaks
 * anywhere. A text is taken as hard-wrapped when at least half of its non-empty lines end
 * within 15 characters of the 90th-percentile line length (and that length is 40 to 120). Then a
 * line break is kept only where a paragraph ends: before or after an empty line, before a
 * dialogue dash, or after a line well short of the width; every other one becomes a space (the
 * text keeps its length, so character counts do not change).
 */
final class HardWrap {
    private HardWrap() {
    }

    static String unwrap(String text) {
        String[] lines = text.split("\n", -1);
        int[] lengths = Arrays.stream(lines).filter(l -> !l.isBlank()).mapToInt(String::length).sorted().toArray();
        if (lengths.length < 8) {
            return text;
        }
        int width = lengths[(int) (0.9 * (lengths.length - 1))];
        long nearWidth = Arrays.stream(lengths).filter(n -> n >= width - 15 && n <= width).count();
        if (width < 40 || width > 120 || nearWidth < 0.5 * lengths.length) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            out.append(lines[i]);
            if (i == lines.length - 1) {
                break;
            }
            String line = lines[i];
            String next = lines[i + 1];
            boolean paragraphEnds = line.isBlank() || next.isBlank() || next.stripLeading().startsWith("—")
                    || line.length() < width - 12;
            out.append(paragraphEnds ? '\n' : ' ');
        }
        return out.toString();
    }
}
