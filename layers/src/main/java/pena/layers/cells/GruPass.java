package pena.layers.cells;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A GRU's pass over a window: besides h and the gates (z, r, h̃ after their nonlinearities,
 * {@link GruGate}), what the backward pass reads, in the form of the path that computed it.
 */
public final class GruPass extends WindowPass {
    /** Whether the reset gate acts after the recurrent product (Keras' and cuDNN's GRU) or before it (the original). */
    public final boolean resetAfter;
    /**
     * Reference path, [T·batch, n]: reset-after, the recurrent candidate part h(t-1)·RW_h + RB;
     * original, the reset state r * h(t-1). Null on the float kernel.
     */
    final INDArray candidateInput;
    /** Float kernel: the gates [T·batch, 3n] and the recurrent candidate part [T·batch, n] as Java arrays. */
    final float[] gateRows;
    final float[] candidatePartRows;

    GruPass(Window window, int n, boolean resetAfter, INDArray gates, INDArray h, INDArray candidateInput) {
        super(window, n, gates, h, null);
        this.resetAfter = resetAfter;
        this.candidateInput = candidateInput;
        this.gateRows = null;
        this.candidatePartRows = null;
    }

    GruPass(Window window, int n, INDArray gates, INDArray h, float[] hRows, float[] gateRows,
            float[] candidatePartRows) {
        super(window, n, gates, h, hRows);
        this.resetAfter = true;
        this.candidateInput = null;
        this.gateRows = gateRows;
        this.candidatePartRows = candidatePartRows;
    }
}
