package pena.layers.cells;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import pena.layers.kernels.Blas;
import pena.layers.kernels.ReusedFloats;

/**
 * One forward pass of a recurrent layer over a window, kept for its backward pass. Time-major:
 * row block t (rows {@code t·batch .. (t+1)·batch}) of every array is time step t. What every
 * cell has is here; {@link LstmPass} and {@link GruPass} add their own arrays.
 *
 * <p>A pass was computed either by the float kernel or by the ND4J reference
 * ({@link #onFloatKernel}); its backward must take the same path, because each keeps what its
 * backward reads in its own form (Java arrays, or ND4J ones).
 */
public abstract class WindowPass {
    public final Window window;
    public final int steps;
    public final int batch;
    /** Units. */
    public final int n;
    /**
     * Reference path: [T·batch, k·n], the gates after their nonlinearities, blocks as the cell
     * lays them out. Null on the float kernel, which keeps them as Java arrays only.
     */
    public final INDArray gates;
    /** [(T+1)·batch, n]: block 0 the state h the window started from, block t+1 h after step t. */
    public final INDArray h;
    /** Whether the float kernel computed this pass (its Java arrays are filled) or the reference. */
    public final boolean onFloatKernel;
    /** The float kernel's h, laid out like {@link #h}; null on the reference path. */
    public final float[] hRows;
    /**
     * dL/dh of every step as time-major rows, when the layer could hand them over as a Java
     * array (the float kernel then reads them directly); null otherwise.
     */
    public float[] epsilonRows;
    /**
     * Whether the backward pass computes dL/dx. The first layer of a network being trained has
     * no use for it (its input is the data), and for a one-hot input it is a product as large as
     * x·W's, so the network says so ({@code StatefulNetwork}); everyone else gets it.
     */
    public boolean inputGradientWanted = true;

    protected WindowPass(Window window, int n, INDArray gates, INDArray h, float[] hRows) {
        this.window = window;
        this.steps = window.steps();
        this.batch = window.batch();
        this.n = n;
        this.gates = gates;
        this.h = h;
        this.hRows = hRows;
        this.onFloatKernel = hRows != null;
    }

    /**
     * dL/dh of every step as time-major Java rows: the ones the layer handed over, or else
     * {@code epsilon} [T·batch, n] copied into {@code into}.
     */
    float[] epsilonRows(INDArray epsilon, ReusedFloats into) {
        if (epsilonRows != null) {
            return epsilonRows;
        }
        float[] rows = into.get(steps * batch * n);
        Blas.of(epsilon).read(rows, 0);
        return rows;
    }

    /** Rows of time step t in a [T·batch, ·] array. */
    INDArrayIndex rows(long t) {
        return NDArrayIndex.interval(t * batch, (t + 1) * batch);
    }

    /** Time step t of a [T·batch, ·] array. */
    INDArray step(INDArray array, long t) {
        return array.get(rows(t), NDArrayIndex.all());
    }

    /** Columns [from, to) of time step t. */
    INDArray step(INDArray array, long t, long from, long to) {
        return array.get(rows(t), NDArrayIndex.interval(from, to));
    }

    /** h before step t (t = 0: the start state); {@code hBefore(t + 1)} is h after step t. */
    public INDArray hBefore(long t) {
        return step(h, t);
    }

    /** h before each step, all steps: [T·batch, n]. */
    public INDArray allHBefore() {
        return h.get(NDArrayIndex.interval(0, (long) steps * batch), NDArrayIndex.all());
    }

    /** h after each step, all steps: [T·batch, n], the layer's output. */
    public INDArray allHAfter() {
        return h.get(NDArrayIndex.interval(batch, (long) (steps + 1) * batch), NDArrayIndex.all());
    }
}
