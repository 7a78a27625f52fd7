package pena.layers;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An independent reference: the GRU equations of {@link Gru} written here in plain double
 * arithmetic (no ND4J), differentiated numerically, against the layer's outputs and analytic
 * gradients of the loss L = Σ_t Σ_j h_t[j] · R_t[j] for a random R.
 */
class ReferenceGruTest {
    private static final int BATCH = 2;
    private static final int IN = 3;
    private static final int N = 4;
    private static final int STEPS = 4;
    private static final double TOLERANCE = 1e-6;

    @ParameterizedTest(name = "resetAfter={0}")
    @ValueSource(booleans = {true, false})
    void layerMatchesThePlainJavaGru(boolean resetAfter) {
        MultiLayerNetwork network = RnnNets.network(RnnNets.gru(resetAfter), 1, IN, N, 0, 0);
        network.initGradientsView();
        Layer layer = network.getLayer(0);
        Random random = new Random(3);
        double[][][] x = randomArray(random, BATCH, IN, STEPS);
        double[][][] r = randomArray(random, BATCH, N, STEPS);
        Reference reference = new Reference(resetAfter, matrix(layer.getParam("W")), matrix(layer.getParam("RW")),
                matrix(layer.getParam("b"))[0], resetAfter ? matrix(layer.getParam("RB"))[0] : new double[N]);

        INDArray output = layer.activate(Nd4j.createFromArray(x), true, LayerWorkspaceMgr.noWorkspaces());
        double[][][] expected = reference.forward(x);
        for (int b = 0; b < BATCH; b++) {
            for (int j = 0; j < N; j++) {
                for (int t = 0; t < STEPS; t++) {
                    assertEquals(expected[b][j][t], output.getDouble(b, j, t), TOLERANCE, "h");
                }
            }
        }

        Pair<Gradient, INDArray> gradients = layer.backpropGradient(Nd4j.createFromArray(r),
                LayerWorkspaceMgr.noWorkspaces());
        compare("W", reference.w, gradients.getFirst().getGradientFor("W"), reference, x, r);
        compare("RW", reference.rw, gradients.getFirst().getGradientFor("RW"), reference, x, r);
        compare("b", new double[][]{reference.b}, gradients.getFirst().getGradientFor("b"), reference, x, r);
        if (resetAfter) {
            compare("RB", new double[][]{reference.rb}, gradients.getFirst().getGradientFor("RB"), reference, x, r);
        }
        INDArray dx = gradients.getSecond();
        for (int b = 0; b < BATCH; b++) {
            for (int i = 0; i < IN; i++) {
                for (int t = 0; t < STEPS; t++) {
                    double saved = x[b][i][t];
                    x[b][i][t] = saved + 1e-5;
                    double plus = reference.loss(x, r);
                    x[b][i][t] = saved - 1e-5;
                    double minus = reference.loss(x, r);
                    x[b][i][t] = saved;
                    assertEquals((plus - minus) / 2e-5, dx.getDouble(b, i, t), TOLERANCE, "dL/dx");
                }
            }
        }
    }

    /** Central differences of the reference loss against each entry of an analytic gradient. */
    private static void compare(String name, double[][] parameter, INDArray analytic, Reference reference,
                                double[][][] x, double[][][] r) {
        INDArray shaped = analytic.reshape('f', parameter.length, parameter[0].length);
        for (int i = 0; i < parameter.length; i++) {
            for (int j = 0; j < parameter[i].length; j++) {
                double saved = parameter[i][j];
                parameter[i][j] = saved + 1e-5;
                double plus = reference.loss(x, r);
                parameter[i][j] = saved - 1e-5;
                double minus = reference.loss(x, r);
                parameter[i][j] = saved;
                assertEquals((plus - minus) / 2e-5, shaped.getDouble(i, j), TOLERANCE, name + "[" + i + "," + j + "]");
            }
        }
    }

    private static double[][] matrix(INDArray array) {
        return array.castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    private static double[][][] randomArray(Random random, int a, int b, int c) {
        double[][][] array = new double[a][b][c];
        for (double[][] plane : array) {
            for (double[] row : plane) {
                for (int k = 0; k < c; k++) {
                    row[k] = random.nextGaussian();
                }
            }
        }
        return array;
    }

    /** The GRU of the class comment of {@link Gru}, one example and one step at a time. */
    private record Reference(boolean resetAfter, double[][] w, double[][] rw, double[] b, double[] rb) {

        double[][][] forward(double[][][] x) {
            double[][][] out = new double[x.length][N][STEPS];
            for (int e = 0; e < x.length; e++) {
                double[] h = new double[N];
                for (int t = 0; t < STEPS; t++) {
                    double[] xt = new double[IN];
                    for (int i = 0; i < IN; i++) {
                        xt[i] = x[e][i][t];
                    }
                    h = step(xt, h);
                    for (int j = 0; j < N; j++) {
                        out[e][j][t] = h[j];
                    }
                }
            }
            return out;
        }

        double[] step(double[] x, double[] previous) {
            double[] z = new double[N];
            double[] r = new double[N];
            for (int j = 0; j < N; j++) {
                z[j] = sigmoid(dot(x, w, j) + dot(previous, rw, j) + b[j]);
                r[j] = sigmoid(dot(x, w, N + j) + dot(previous, rw, N + j) + b[N + j]);
            }
            double[] resetState = new double[N];
            for (int k = 0; k < N; k++) {
                resetState[k] = r[k] * previous[k];
            }
            double[] h = new double[N];
            for (int j = 0; j < N; j++) {
                double a = dot(x, w, 2 * N + j) + b[2 * N + j];
                a += resetAfter ? r[j] * (dot(previous, rw, 2 * N + j) + rb[j]) : dot(resetState, rw, 2 * N + j);
                double candidate = Math.tanh(a);
                h[j] = (1 - z[j]) * previous[j] + z[j] * candidate;
            }
            return h;
        }

        double loss(double[][][] x, double[][][] r) {
            double[][][] h = forward(x);
            double sum = 0;
            for (int e = 0; e < h.length; e++) {
                for (int j = 0; j < N; j++) {
                    for (int t = 0; t < STEPS; t++) {
                        sum += h[e][j][t] * r[e][j][t];
                    }
                }
            }
            return sum;
        }

        private static double dot(double[] v, double[][] m, int column) {
            double sum = 0;
            for (int k = 0; k < v.length; k++) {
                sum += v[k] * m[k][column];
            }
            return sum;
        }

        private static double sigmoid(double v) {
            return 1 / (1 + Math.exp(-v));
        }
    }
}
