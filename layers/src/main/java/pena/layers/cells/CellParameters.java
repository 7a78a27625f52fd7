package pena.layers.cells;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A recurrent layer's parameters, or their gradients, by what they are: W [nIn, k·n] and
 * RW [n, k·n] ('f' order, DL4J's LSTM layout), b [1, k·n] and, for the reset-after GRU only,
 * RB [1, n] (else null). Gate blocks as {@link LstmGate} and {@link GruGate} lay them out.
 */
public record CellParameters(INDArray inputWeights, INDArray recurrentWeights, INDArray bias,
                             INDArray recurrentBias) {
}
