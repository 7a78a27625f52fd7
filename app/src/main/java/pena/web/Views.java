package pena.web;

import pena.inspect.Inspection;
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
        view.put("next", inspection.next().stream()
                .map(candidates -> candidates.stream().map(c -> List.<Object>of(c.token(), round((float) c.probability())))
                        .toList()).toList());
        return view;
    }

    private static float round(float v) {
        return Math.round(v * 10000f) / 10000f;
    }
}
