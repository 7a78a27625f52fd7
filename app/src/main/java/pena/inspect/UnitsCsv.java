package pena.inspect;

import pena.files.AtomicFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** The units report as CSV: one row per feature and ranked unit. */
public final class UnitsCsv {
    private UnitsCsv() {
    }

    public static void write(UnitsReport report, Path file) {
        StringBuilder csv = new StringBuilder("feature,measure,rank,layer,quantity,unit,score,direction\n");
        for (UnitsReport.FeatureResult f : report.features()) {
            for (int r = 0; r < f.top().size(); r++) {
                UnitRanking.Score s = f.top().get(r);
                csv.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%s,%d,%.6f,%s%n", f.feature().name().toLowerCase(Locale.ROOT),
                        f.feature().measure(), r + 1, s.unit().layer() + 1, s.unit().quantity(), s.unit().unit(), s.score(),
                        s.higher() ? "higher" : "lower"));
            }
        }
        try {
            AtomicFile.writeString(file, csv.toString());
        } catch (IOException e) {
            throw new InspectionException("cannot write " + file + " (" + e.getMessage() + ")");
        }
    }
}
