package pena.inspect;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import pena.TestModels;
import pena.layers.StatefulNetwork;
import pena.model.PenaModel;
import pena.model.TrainingState;
import pena.nn.CellType;
import pena.nn.NetworkSpec;
import pena.nn.TokenLevel;
import pena.token.CharTokenizer;
import pena.token.Vocabulary;
import pena.token.WordTokenizer;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The memory probe's gradients against finite differences of the network's own output in
 * double (perturb one input component, read log p of the target again), for every Pena cell,
 * two layers, one-hot and embedding input; and the LSTM's forget-gate path against the gates
 * the inspector records.
 */
class MemoryProbeTest {
    private static final String TEXT = "Capitu olhou para mim, calada. Depois riu.";
    private static final int STEPS = 8;

    private static PenaModel model(CellType cell, int layers, int embedding, String text,
                                   pena.token.Tokenizer tokenizer, TokenLevel level) {
        Vocabulary vocabulary = Vocabulary.build(tokenizer, List.of(text));
        NetworkSpec spec = new NetworkSpec(level, cell, layers, 7, embedding, 0, 0, 0, 5, 2e-3, 16, 3,
                vocabulary.size());
        StatefulNetwork network = TestModels.network(spec);
        Nd4j.getRandom().setSeed(5);
        // spread over ±0.8: gates away from 0.5 and a gradient that varies from step to step
        network.setParams(Nd4j.rand(DataType.FLOAT, 1, network.numParams()).subi(0.5).muli(1.6));
        return new PenaModel(network, spec, vocabulary, TrainingState.start("test", 0.1, 1), List.of(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "lstm", "gru", "gru-original"})
    void oneHotGradientsAreFiniteDifferencesOfTheOutput(String cell) {
        PenaModel model = model(CellType.parse(cell), 2, 0, TEXT, new CharTokenizer(), TokenLevel.CHAR);
        int[] ids = pena.model.ModelText.read(model, TEXT, "test").ids();
        int[] inputs = java.util.Arrays.copyOf(ids, STEPS);
        int target = ids[STEPS];
        MemoryProbe probe = new MemoryProbe(model);
        assertEquals("double", probe.precision());
        MemoryProbe.Gradients analytic = probe.gradients(new int[][]{inputs}, new int[]{target});

        MultiLayerNetwork reference = model.network().convertDataType(DataType.DOUBLE);
        int vocabulary = model.spec().vocabularySize();
        INDArray x = Nd4j.zeros(DataType.DOUBLE, 1, vocabulary, STEPS);
        for (int t = 0; t < STEPS; t++) {
            x.putScalar(new long[]{0, inputs[t], t}, 1.0);
        }
        assertEquals(logP(reference, x, target), analytic.logProbabilities()[0], 1e-10, "log p");
        double eps = 1e-6;
        double largest = 0;
        for (int s = 0; s < STEPS; s++) {
            double squares = 0;
            for (int v = 0; v < vocabulary; v++) {
                double numeric = difference(reference, x, new long[]{0, v, s}, target, eps);
                double exact = analytic.inputGradient().getDouble(0, v, s);
                largest = Math.max(largest, Math.abs(numeric));
                assertEquals(numeric, exact, 1e-6 * Math.max(1, Math.abs(numeric)), cell + " step " + s + " symbol " + v);
                squares += numeric * numeric;
            }
            assertEquals(Math.sqrt(squares), analytic.norms()[0][s], 1e-5, "norm at step " + s);
        }
        assertTrue(largest > 1e-4, "the gradient is too small for the test to tell anything");
        assertTrue(analytic.norms()[0][0] > 0, "the first input must reach the prediction through " + cell);
    }

    @Test
    void embeddingGradientsAreFiniteDifferencesOfTheOutput() {
        String text = "a casa velha de pedra ficava no alto do morro e ninguém subia";
        PenaModel model = model(CellType.GRU, 2, 5, text, new WordTokenizer(false), TokenLevel.WORD);
        int[] ids = pena.model.ModelText.read(model, text, "test").ids();
        int[] inputs = java.util.Arrays.copyOf(ids, STEPS); // all different words: one embedding row each
        int target = ids[STEPS];
        MemoryProbe.Gradients analytic = new MemoryProbe(model).gradients(new int[][]{inputs}, new int[]{target});
        MultiLayerNetwork reference = model.network().convertDataType(DataType.DOUBLE);
        INDArray x = Nd4j.zeros(DataType.DOUBLE, 1, 1, STEPS);
        for (int t = 0; t < STEPS; t++) {
            x.putScalar(new long[]{0, 0, t}, inputs[t]);
        }
        INDArray embedding = reference.getLayer(0).getParam("W");
        for (int s = 0; s < STEPS; s++) {
            for (int j = 0; j < embedding.size(1); j++) {
                double numeric = difference(reference, x, embedding, new long[]{inputs[s], j}, target, 1e-6);
                assertEquals(numeric, analytic.inputGradient().getDouble(0, j, s), 1e-6 * Math.max(1, Math.abs(numeric)),
                        "step " + s + " component " + j);
            }
        }
    }

    @Test
    void theForgetPathIsTheProductOfTheRecordedForgetGates() {
        PenaModel model = model(CellType.LSTM, 2, 0, TEXT, new CharTokenizer(), TokenLevel.CHAR);
        int window = 6;
        int read = window + MemoryProbe.warmUp(window);
        MemoryProfile profile = new MemoryProbe(model).profile(TEXT.substring(0, read + 1), window, 1);
        assertEquals(1, profile.positions());
        Inspection inspection = new Inspector(model).inspect(TEXT.substring(0, read), 1);
        for (int layer = 0; layer < 2; layer++) {
            float[][] f = inspection.layers().get(layer).of("f");
            int n = f[0].length;
            for (int d = 1; d <= window; d++) {
                double mean = 0;
                for (int j = 0; j < n; j++) {
                    double product = 1;
                    for (int t = read - d + 1; t < read; t++) {
                        product *= f[t][j];
                    }
                    mean += product / n;
                }
                assertEquals(mean, profile.forgetPath().get(layer)[d - 1], 1e-6, "layer " + layer + " distance " + d);
            }
        }
        assertTrue(profile.forgetPath().get(0)[window - 1] < 0.9, "the gates must close somewhat for the test to tell");
    }

    @Test
    void aProfileAveragesAttributionsAndSharesAddUp() {
        PenaModel model = model(CellType.RNN, 1, 0, TEXT, new CharTokenizer(), TokenLevel.CHAR);
        MemoryProbe probe = new MemoryProbe(model);
        int window = 5;
        int read = window + MemoryProbe.warmUp(window);
        String text = TEXT.substring(0, read + 1);
        Attribution one = probe.attribute(text, read, read);
        MemoryProfile profile = probe.profile(text, window, 1);
        for (int d = 1; d <= window; d++) {
            assertEquals(one.influence()[read - d], profile.influence()[d - 1], 1e-12, "distance " + d);
        }
        assertTrue(profile.forgetPath().isEmpty());
        double total = 0;
        for (double v : profile.influence()) {
            total += v;
        }
        assertEquals(profile.influence()[window - 1] / total, profile.shareBeyond(window - 1), 1e-12);
        assertEquals(0, profile.shareBeyond(window), 1e-12);
        Attribution limited = probe.attribute(TEXT, 20, 4); // a window of 4: nothing before it counts
        for (int s = 0; s < 16; s++) {
            assertEquals(0, limited.influence()[s], "token " + s + " lies before the window");
        }
        assertTrue(limited.influence()[16] > 0);
    }

    private static double logP(MultiLayerNetwork network, INDArray x, int target) {
        network.rnnClearPreviousState();
        INDArray out = network.output(x);
        return Math.log(out.getDouble(0, target, x.size(2) - 1));
    }

    private static double difference(MultiLayerNetwork network, INDArray x, long[] at, int target, double eps) {
        return difference(network, x, x, at, target, eps);
    }

    /** Central difference of log p(target at the last step) in one element of {@code perturbed}. */
    private static double difference(MultiLayerNetwork network, INDArray x, INDArray perturbed, long[] at, int target,
                                     double eps) {
        double original = perturbed.getDouble(at);
        perturbed.putScalar(at, original + eps);
        double up = logP(network, x, target);
        perturbed.putScalar(at, original - eps);
        double down = logP(network, x, target);
        perturbed.putScalar(at, original);
        return (up - down) / (2 * eps);
    }
}
