package pena.model;

import java.util.Map;

/**
 * Class names that model files written before the layers became a library of their own
 * (pena-layers, December 2026) carry in their DL4J configuration JSON. DL4J finds a layer's class
 * by the name stored in the file; the layers moved from {@code pena.nn.rnn} and {@code pena.nn}
 * to {@code pena.layers} with their fields unchanged, so reading an old file is renaming them.
 * Tested with model files from before the move (src/test/resources/pena/model/fixtures).
 */
final class FormerClassNames {
    private static final Map<String, String> MOVED = Map.of(
            "pena.nn.rnn.Lstm", "pena.layers.Lstm",
            "pena.nn.rnn.Gru", "pena.layers.Gru",
            "pena.nn.rnn.OrthogonalInit", "pena.layers.OrthogonalInit",
            "pena.nn.rnn.TimeMajorOutput", "pena.layers.TimeMajorOutput",
            "pena.nn.RowSoftmax", "pena.layers.RowSoftmax");

    private FormerClassNames() {
    }

    /** The configuration JSON with every former class name (a whole quoted string) replaced by today's. */
    static String upgrade(String json) {
        String upgraded = json;
        for (Map.Entry<String, String> moved : MOVED.entrySet()) {
            upgraded = upgraded.replace('"' + moved.getKey() + '"', '"' + moved.getValue() + '"');
        }
        return upgraded;
    }
}
