package pena.nn.rnn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Reads a carried state [batch, n] into the first rows of a Java array. */
final class State {
    private State() {
    }

    static void read(INDArray state, float[] target) {
        if (state.ordering() == 'c' && Blas.gapless(state)) {
            Blas.readAll(state, target);
        } else {
            INDArray copy = state.dup('c');
            Blas.readAll(copy, target);
        }
    }
}
