package pena.nn.rnn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One forward pass of a recurrent layer over a window, time-major: row block t (rows
 * {@code t·batch .. (t+1)·batch}) of every array is time step t. Kept for the backward pass.
 *
 * <ul>
 *   <li>{@code x} [T·batch, nIn]: the layer's input;</li>
 *   <li>{@code gates} [T·batch, k·n]: input projection plus recurrent part, after the gate
 *       nonlinearities;</li>
 *   <li>{@code states}: per state name ("h", and "c" for the LSTM) [(T+1)·batch, n], block 0
 *       the state the window started from;</li>
 *   <li>{@code extra}: cell-specific arrays (tanh of c, the GRU's recurrent candidate part);</li>
 *   <li>{@code heap}: on the fast float path, the arrays the element-wise arithmetic reads, as
 *       Java arrays laid out like the ones above.</li>
 * </ul>
 */
final class Pass {
    final long steps;
    final long batch;
    final INDArray x;
    final INDArray mask; // [T·batch, 1] or null
    final INDArray gates;
    final Map<String, INDArray> states = new LinkedHashMap<>();
    final Map<String, INDArray> extra = new LinkedHashMap<>();
    /** The fast float path's copies on the Java heap (activated gates, states, ...), by name. */
    final Map<String, float[]> heap = new LinkedHashMap<>();
    /** On the fast path, when x is one-hot: the index of each row's 1 (-1 for a zero row), else null. */
    int[] hot;

    Pass(long steps, long batch, INDArray x, INDArray mask, INDArray gates) {
        this.steps = steps;
        this.batch = batch;
        this.x = x;
        this.mask = mask;
        this.gates = gates;
    }

    /** The mask as one float per row (t·batch + b), or null without a mask: what the fast path multiplies by. */
    float[] keep() {
        return mask == null ? null : mask.dup('c').data().asFloat();
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

    /** A state before step t (t = 0: the start state); {@code before(s, t+1)} is after step t. */
    INDArray before(String state, long t) {
        return step(states.get(state), t);
    }

    /** Rows of all steps' states before each step: [T·batch, n]. */
    INDArray allBefore(String state) {
        return states.get(state).get(NDArrayIndex.interval(0, steps * batch), NDArrayIndex.all());
    }

    /** Rows of all steps' states after each step: [T·batch, n]. */
    INDArray allAfter(String state) {
        return states.get(state).get(NDArrayIndex.interval(batch, (steps + 1) * batch), NDArrayIndex.all());
    }
}
