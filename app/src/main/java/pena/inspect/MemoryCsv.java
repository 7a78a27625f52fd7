package pena.inspect;

import pena.files.AtomicFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Memory as CSV, one row per distance d: the token d places before the predicted one and its
 * influence on that prediction (empty before the text's start), the profile's mean influence,
 * and for an LSTM each layer's forget-gate path.
 */
public final class MemoryCsv {
    private MemoryCsv() {
    }

    public static void write(Attribution attribution, MemoryProfile profile, Path file) {
        StringBuilder csv = new StringBuilder("distance,token,influence,mean_influence");
        int layers = profile == null ? 0 : profile.forgetPath().size();
        for (int l = 0; l < layers; l++) {
            csv.append(",forget_path_layer_").append(l + 1);
        }
        csv.append('\n');
        int rows = Math.max(attribution.target(), profile == null ? 0 : profile.window());
        for (int d = 1; d <= rows; d++) {
            int s = attribution.target() - d;
            csv.append(d).append(',');
            if (s >= 0) {
                csv.append(quoted(attribution.tokens().get(s))).append(',')
                        .append(String.format(Locale.ROOT, "%.6e", attribution.influence()[s]));
            } else {
                csv.append(',');
            }
            csv.append(',');
            if (profile != null && d <= profile.window()) {
                csv.append(String.format(Locale.ROOT, "%.6e", profile.influence()[d - 1]));
            }
            for (int l = 0; l < layers; l++) {
                csv.append(',');
                if (d <= profile.window()) {
                    csv.append(String.format(Locale.ROOT, "%.6e", profile.forgetPath().get(l)[d - 1]));
                }
            }
            csv.append('\n');
        }
        try {
            AtomicFile.writeString(file, csv.toString());
        } catch (IOException e) {
            throw new InspectionException("cannot write " + file + " (" + e.getMessage() + ")");
        }
    }

    private static String quoted(String token) {
        return "\"" + token.replace("\"", "\"\"") + "\"";
    }
}
