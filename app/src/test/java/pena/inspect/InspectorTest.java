package pena.inspect;

import pena.nn.TokenLevel;
import org.deeplearning4j.nn.api.Layer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import pena.TestModels;
import pena.data.WindowArrays;
import pena.model.PenaModel;
import pena.model.TrainingState;
import pena.nn.CellType;
import pena.nn.NetworkSpec;
import pena.layers.StatefulNetwork;
import pena.token.CharTokenizer;
import pena.token.Vocabulary;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inspector's numbers against two independent computations: the course's equations written
 * out by hand over the layer's parameters, and what the network itself outputs.
 */
class InspectorTest {
    private static final String TEXT = "Capitu olhou para mim, calada.";

    private static PenaModel model(CellType cell, int layers) {
        Vocabulary vocabulary = Vocabulary.build(new CharTokenizer(), List.of(TEXT));
        NetworkSpec spec = new NetworkSpec(TokenLevel.CHAR, cell, layers, 12, 0, 0, 0, 0, 5, 2e-3, 16, 3, vocabulary.size());
        StatefulNetwork network = TestModels.network(spec);
        // trained-looking weights: large enough that gates are not all near 0.5
        Nd4j.getRandom().setSeed(11);
        network.setParams(Nd4j.rand(DataType.FLOAT, 1, network.numParams()).subi(0.5).muli(1.6));
        return new PenaModel(network, spec, vocabulary, TrainingState.start("test", 0.1, 1), List.of(TEXT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "lstm", "gru", "gru-original", "dl4j-lstm"})
    void theFirstLayersGatesAreTheCourseEquationsOverItsParameters(String cell) {
        PenaModel model = model(CellType.parse(cell), 2);
        Inspection inspection = new Inspector(model).inspect(TEXT, 5);
        Layer layer = model.network().getLayer(0);
        float[][] w = layer.getParam("W").toFloatMatrix();
        float[][] rw = layer.getParam("RW").toFloatMatrix();
        float[] b = layer.getParam("b").toFloatVector();
        float[] rb = layer.paramTable().containsKey("RB") ? layer.getParam("RB").toFloatVector() : null;
        int n = rw.length;
        double[] h = new double[n];
        double[] c = new double[n];
        Inspection.LayerTrace trace = inspection.layers().get(0);
        for (int t = 0; t < 6; t++) {
            int x = model.vocabulary().id(inspection.tokens().get(t));
            double[] hNext = new double[n];
            for (int j = 0; j < n; j++) {
                if (cell.equals("rnn")) { // ht = tanh(xt·W + h(t-1)·RW + b)
                    hNext[j] = Math.tanh(pre(w, rw, b, x, h, j));
                    check(trace, Map.of("h", hNext[j]), t, j);
                } else if (cell.contains("lstm")) {
                    // DL4J layout: blocks candidate, forget, output, input
                    double g = Math.tanh(pre(w, rw, b, x, h, j));
                    double f = sigmoid(pre(w, rw, b, x, h, n + j));
                    double o = sigmoid(pre(w, rw, b, x, h, 2 * n + j));
                    double i = sigmoid(pre(w, rw, b, x, h, 3 * n + j));
                    c[j] = f * c[j] + i * g;
                    hNext[j] = o * Math.tanh(c[j]);
                    check(trace, Map.of("i", i, "f", f, "o", o, "g", g, "c", c[j], "h", hNext[j]), t, j);
                } else {
                    double z = sigmoid(pre(w, rw, b, x, h, j));
                    double r = sigmoid(pre(w, rw, b, x, h, n + j));
                    double candidate;
                    if (rb != null) { // reset after the recurrent product
                        double recurrent = rb[j];
                        for (int k = 0; k < n; k++) {
                            recurrent += h[k] * rw[k][2 * n + j];
                        }
                        candidate = Math.tanh(w[x][2 * n + j] + b[2 * n + j] + r * recurrent);
                    } else {
                        candidate = Double.NaN; // needs every unit's r first: below
                    }
                    hNext[j] = candidate;
                    check(trace, Map.of("z", z, "r", r), t, j);
                }
            }
            if (cell.startsWith("gru")) {
                double[] r = new double[n];
                double[] z = new double[n];
                for (int j = 0; j < n; j++) {
                    z[j] = sigmoid(pre(w, rw, b, x, h, j));
                    r[j] = sigmoid(pre(w, rw, b, x, h, n + j));
                }
                for (int j = 0; j < n; j++) {
                    double candidate = hNext[j];
                    if (rb == null) { // reset before: r multiplies h(t-1)
                        double sum = w[x][2 * n + j] + b[2 * n + j];
                        for (int k = 0; k < n; k++) {
                            sum += r[k] * h[k] * rw[k][2 * n + j];
                        }
                        candidate = Math.tanh(sum);
                    }
                    hNext[j] = (1 - z[j]) * h[j] + z[j] * candidate; // ht = (1 - zt) h(t-1) + zt h̃t
                    check(trace, Map.of("n", candidate, "h", hNext[j]), t, j);
                }
            }
            h = hNext;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "lstm", "gru"})
    void everyLayersHIsWhatTheNetworkOutputs(String cell) {
        PenaModel model = model(CellType.parse(cell), 3);
        Inspection inspection = new Inspector(model).inspect(TEXT, 5);
        int[] ids = inspection.tokens().stream().mapToInt(model.vocabulary()::id).toArray();
        INDArray input = WindowArrays.oneHot(new int[][]{ids}, model.spec().vocabularySize());
        List<INDArray> activations = model.network().feedForward(input, false);
        for (int l = 0; l < 3; l++) {
            INDArray out = activations.get(l + 1); // [1, units, steps]; entry 0 is the input
            float[][] h = inspection.layers().get(l).of("h");
            for (int t = 0; t < ids.length; t++) {
                for (int u = 0; u < h[t].length; u++) {
                    assertEquals(out.getDouble(0, u, t), h[t][u], 1e-5, "layer " + (l + 1) + " step " + t + " unit " + u);
                }
            }
        }
        INDArray probabilities = activations.get(activations.size() - 1);
        Inspection.Candidate best = inspection.next().get(4).get(0);
        assertEquals(probabilities.getDouble(0, model.vocabulary().id(best.token()), 4), best.probability(), 1e-5);
        assertTrue(inspection.next().get(4).get(1).probability() <= best.probability());
        // the probability of the character that does come next, and its surprisal in bits
        assertEquals(probabilities.getDouble(0, ids[5], 4), inspection.actual()[4], 1e-5);
        assertEquals(-Math.log(inspection.actual()[4]) / Math.log(2), inspection.surprisalBits(5), 1e-9);
        assertTrue(Double.isNaN(inspection.surprisalBits(0)));
    }

    private static double pre(float[][] w, float[][] rw, float[] b, int x, double[] h, int column) {
        double sum = w[x][column] + b[column]; // one-hot x: its row of W
        for (int k = 0; k < h.length; k++) {
            sum += h[k] * rw[k][column];
        }
        return sum;
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    private static void check(Inspection.LayerTrace trace, Map<String, Double> expected, int t, int unit) {
        expected.forEach((q, v) -> assertEquals(v, trace.of(q)[t][unit], 2e-5, q + " at step " + t + " unit " + unit));
    }
}
