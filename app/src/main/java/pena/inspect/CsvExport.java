package pena.inspect;

import pena.files.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The inspection as one long table: {@code position,token,layer,quantity,unit,value,next_token}.
 * Gate and state rows leave next_token empty; the rows with quantity {@code next} list the most
 * likely next tokens (unit = rank, value = probability).
 */
public final class CsvExport {
    private CsvExport() {
    }

    public static String csv(Inspection inspection) {
        StringBuilder csv = new StringBuilder("position,token,layer,quantity,unit,value,next_token\n");
        for (int t = 0; t < inspection.tokens().size(); t++) {
            String token = quote(inspection.tokens().get(t));
            for (int l = 0; l < inspection.layers().size(); l++) {
                Inspection.LayerTrace trace = inspection.layers().get(l);
                for (String q : trace.quantities()) {
                    float[] v = trace.of(q)[t];
                    for (int u = 0; u < v.length; u++) {
                        csv.append(String.format(Locale.ROOT, "%d,%s,%d,%s,%d,%.6f,%n", t + 1, token, l + 1, q, u, v[u]));
                    }
                }
            }
            int rank = 1;
            for (Inspection.Candidate c : inspection.next().get(t)) {
                csv.append(String.format(Locale.ROOT, "%d,%s,,next,%d,%.6f,%s%n", t + 1, token, rank++,
                        c.probability(), quote(c.token())));
            }
        }
        return csv.toString();
    }

    public static void write(Inspection inspection, Path file) {
        try {
            AtomicFile.writeString(file, csv(inspection));
        } catch (IOException e) {
            throw new InspectionException("cannot write " + file + " (" + e.getMessage() + ")");
        }
    }

    /** RFC 4180: quotes around every token (it may be a comma, a quote or a line break). */
    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
