package pena.layers.cells;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A layer's input over one window, time-major: row t·batch + b is step t of stream b.
 *
 * @param x     [T·batch, nIn], row-major
 * @param mask  [T·batch, 1], 1 for a real step and 0 for padding, or null
 * @param hot   when every row of x is one-hot (or zero): the index of each row's 1 (-1 for a zero
 *              row), else null; the float kernels then gather rows of W instead of multiplying
 * @param steps T
 * @param batch streams
 */
public record Window(INDArray x, INDArray mask, int[] hot, int steps, int batch) {
    /** The mask as one float per row (t·batch + b), or null without a mask: what the float kernels multiply by. */
    float[] keep() {
        return mask == null ? null : mask.dup('c').data().asFloat();
    }
}
