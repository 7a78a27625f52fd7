package pena.layers.cells;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An LSTM's pass over a window: besides h and the gates (g, f, o, i after their nonlinearities,
 * {@link LstmGate}), the cell states C, and what the backward pass reads, in the form of the
 * path that computed it.
 */
public final class LstmPass extends WindowPass {
    /** [(T+1)·batch, n]: block 0 the cell state the window started from, block t+1 C after step t. */
    public final INDArray c;
    /** Reference path: tanh(C) after each step, [T·batch, n]; null on the float kernel. */
    final INDArray tanhC;
    /** Float kernel: the gates [T·batch, 4n], C [(T+1)·batch, n] and tanh(C) [T·batch, n] as Java arrays. */
    final float[] gateRows;
    final float[] cRows;
    final float[] tanhCRows;

    LstmPass(Window window, int n, INDArray gates, INDArray h, INDArray c, INDArray tanhC) {
        super(window, n, gates, h, null);
        this.c = c;
        this.tanhC = tanhC;
        this.gateRows = null;
        this.cRows = null;
        this.tanhCRows = null;
    }

    LstmPass(Window window, int n, INDArray gates, INDArray h, INDArray c, float[] hRows, float[] gateRows,
             float[] cRows, float[] tanhCRows) {
        super(window, n, gates, h, hRows);
        this.c = c;
        this.tanhC = null;
        this.gateRows = gateRows;
        this.cRows = cRows;
        this.tanhCRows = tanhCRows;
    }

    /** C before step t (t = 0: the start state). */
    public INDArray cBefore(long t) {
        return step(c, t);
    }
}
