package pena.layers.cells;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A plain RNN's pass over a window. Its one "gate" block is tanh(x·W + h(t-1)·RW + b) before
 * the mask, which is what the backward pass needs (1 - h² is its derivative); the float kernel
 * keeps it as a Java array too.
 */
public final class RnnPass extends WindowPass {
    /** Float kernel: the activations [T·batch, n] as a Java array; null on the reference path. */
    final float[] activationRows;

    RnnPass(Window window, int n, INDArray activations, INDArray h, float[] hRows, float[] activationRows) {
        super(window, n, activations, h, hRows);
        this.activationRows = activationRows;
    }
}
