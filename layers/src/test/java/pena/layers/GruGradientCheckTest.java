package pena.layers;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DL4J's {@link GradientCheckUtil} (finite differences in double precision) over networks of
 * Pena's GRU, LSTM and plain RNN: 1, 2 and 3 layers, one-hot and embedding input, both GRU formulations,
 * with and without a mask, with standard and truncated BPTT.
 */
@ExtendWith(DoublePrecision.class)
class GruGradientCheckTest {
    private static final int VOCABULARY = 5;
    private static final int HIDDEN = 4;
    private static final int BATCH = 3;
    private static final int STEPS = 5;
    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String cell : List.of("gru", "gru-original", "lstm", "rnn")) {
            for (int layers = 1; layers <= 3; layers++) {
                for (boolean embedding : new boolean[]{false, true}) {
                    for (boolean masked : new boolean[]{false, true}) {
                        for (boolean tbptt : new boolean[]{false, true}) {
                            if (!cell.startsWith("gru") && layers == 3 && embedding) {
                                continue; // the LSTM and RNN share the base: a lighter sweep
                            }
                            cases.add(Arguments.of(cell, layers, embedding, masked, tbptt));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} x{1} embedding={2} mask={3} tbptt={4}")
    @MethodSource("cases")
    void analyticGradientsMatchFiniteDifferences(String cell, int layers, boolean embedding, boolean masked,
                                                 boolean tbptt) {
        MultiLayerNetwork network = RnnNets.network(switch (cell) {
            case "gru" -> RnnNets.gru(true);
            case "gru-original" -> RnnNets.gru(false);
            case "rnn" -> RnnNets.rnn();
            default -> RnnNets.lstm();
        }, layers, VOCABULARY, HIDDEN, embedding ? 3 : 0, tbptt ? STEPS : 0);
        int[][] ids = RnnNets.ids(layers * 31L + (masked ? 1 : 0), BATCH, STEPS + 1, VOCABULARY);
        int[][] inputs = new int[BATCH][STEPS];
        int[][] targets = new int[BATCH][STEPS];
        for (int b = 0; b < BATCH; b++) {
            System.arraycopy(ids[b], 0, inputs[b], 0, STEPS);
            System.arraycopy(ids[b], 1, targets[b], 0, STEPS);
        }
        INDArray features = embedding ? RnnNets.indices(inputs) : RnnNets.oneHot(inputs, VOCABULARY);
        INDArray labels = RnnNets.oneHot(targets, VOCABULARY);
        INDArray mask = masked ? RnnNets.mask(BATCH, STEPS) : null;

        boolean passed = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig()
                .net(network).input(features).labels(labels).inputMask(mask).labelMask(mask)
                .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY)
                .callEachIter(MultiLayerNetwork::rnnClearPreviousState));
        assertTrue(passed, "gradient check failed; see the log for the parameters");
    }
}
