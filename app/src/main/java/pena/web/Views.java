package pena.web;

import pena.inspect.Attribution;
import pena.inspect.Inspection;
import pena.inspect.MemoryProfile;
import pena.inspect.UnitsReport;
import pena.inspect.UnitsText;
import pena.inspect.Inspector;
import pena.inspect.Quantity;
import pena.token.Vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes the page reads. */
final class Views {
    private Views() {
    }

    /** The k most likely tokens as [token, probability] pairs, <unk> left out. */
    static List<List<Object>> top(float[] p, int k, Vocabulary vocabulary) {
        return Inspector.top(p, k, vocabulary, Vocabulary.UNKNOWN_ID).stream()
                .map(c -> List.<Object>of(c.token(), round((float) c.probability())))
                .toList();
    }

    static Map<String, Object> inspection(Inspection inspection) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("cell", inspection.cell());
        view.put("tokens", inspection.tokens());
        List<Object> layers = new ArrayList<>();
        for (Inspection.LayerTrace trace : inspection.layers()) {
            List<Object> quantities = new ArrayList<>();
            for (String id : trace.quantities()) {
                Quantity q = Quantity.of(id);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", id);
                entry.put("symbol", q.symbol());
                entry.put("en", q.english());
                entry.put("pt", q.portuguese());
                entry.put("range", q.range().name().toLowerCase(java.util.Locale.ROOT));
                float[][] values = trace.of(id);
                float[][] rounded = new float[values.length][];
                for (int t = 0; t < values.length; t++) {
                    rounded[t] = new float[values[t].length];
                    for (int u = 0; u < values[t].length; u++) {
                        rounded[t][u] = round(values[t][u]);
                    }
                }
                entry.put("values", rounded); // [step][unit]
                quantities.add(entry);
            }
            layers.add(Map.of("units", trace.units(), "quantities", quantities));
        }
        view.put("layers", layers);
        List<Object> bits = new ArrayList<>(); // surprisal of each token given the ones before; null for the first
        for (int s = 0; s < inspection.tokens().size(); s++) {
            double b = inspection.surprisalBits(s);
            bits.add(Double.isFinite(b) ? (Object) (Math.round(b * 1000) / 1000.0) : null);
        }
        view.put("surprisal", bits);
        view.put("next", inspection.next().stream()
                .map(candidates -> candidates.stream().map(c -> List.<Object>of(c.token(), round((float) c.probability())))
                        .toList()).toList());
        return view;
    }

    static Map<String, Object> attribution(Attribution a) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("tokens", a.tokens());
        view.put("target", a.target());
        view.put("probability", a.probability());
        view.put("influence", a.influence());
        view.put("precision", a.precision());
        return view;
    }

    static Map<String, Object> memoryProfile(MemoryProfile m) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("cell", m.cell());
        view.put("window", m.window());
        view.put("positions", m.positions());
        view.put("influence", m.influence());
        view.put("forgetPath", m.forgetPath());
        Map<String, Double> beyond = new LinkedHashMap<>();
        for (int d : MemoryProfile.QUOTED_DISTANCES) {
            beyond.put(String.valueOf(d), m.shareBeyond(d));
        }
        view.put("beyond", beyond);
        view.put("halfDistance", m.halfDistance());
        view.put("precision", m.precision());
        return view;
    }

    /** Per feature its best units and an excerpt of the text with the best unit's value at each character. */
    static Map<String, Object> units(UnitsReport report) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("cell", report.cell());
        view.put("units", report.units());
        view.put("characters", report.tokens().size());
        List<Object> features = new ArrayList<>();
        for (UnitsReport.FeatureResult f : report.features()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", f.feature().name().toLowerCase(java.util.Locale.ROOT));
            entry.put("en", f.feature().english);
            entry.put("pt", f.feature().portuguese);
            entry.put("measure", f.feature().measure());
            entry.put("binary", f.feature().binary);
            entry.put("present", f.present());
            entry.put("top", f.top().stream().map(s -> Map.of("layer", s.unit().layer() + 1, "quantity", s.unit().quantity(),
                    "unit", s.unit().unit(), "score", Math.round(s.score() * 10000) / 10000.0, "higher", s.higher())).toList());
            if (f.present()) {
                int[] span = UnitsText.excerpt(f);
                entry.put("tokens", report.tokens().subList(span[0], span[1]));
                float[] values = new float[span[1] - span[0]];
                for (int t = span[0]; t < span[1]; t++) {
                    values[t - span[0]] = round(f.bestValues()[t]);
                }
                entry.put("values", values);
            }
            features.add(entry);
        }
        view.put("features", features);
        return view;
    }

    private static float round(float v) {
        return Math.round(v * 10000f) / 10000f;
    }
}
