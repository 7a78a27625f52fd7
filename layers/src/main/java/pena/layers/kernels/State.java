package pena.layers.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Reads a carried state [batch, n] into the first rows of a Java array. */
public final class State {
    private State() {
    }

    public static void read(INDArray state, float[] target) {
        if (state.ordering() == 'c' && Blas.gapless(state)) {
            Blas.readAll(state, target);
        } else {
            INDArray copy = state.dup('c');
            Blas.readAll(copy, target);
        }
    }
}
