package pena.layers.cells;

/**
 * The LSTM's gate layout, written once: W [nIn, 4n], RW [n, 4n] and b [1, 4n] hold four blocks
 * of n columns, in DL4J's order (so the weights of DL4J's {@code LSTM} load unchanged), block k
 * at columns [k·n, (k+1)·n). The ND4J reference, the float kernel and the one-token stepper find
 * a gate's columns here and nowhere else; the gate arrays of a pass have the same layout.
 *
 * <pre>
 *   g  candidate C̃t   tanh(x·W_g + h(t-1)·RW_g + b_g)
 *   f  forget gate    σ(x·W_f + h(t-1)·RW_f + b_f)
 *   o  output gate    σ(...)
 *   i  input gate     σ(...)
 * </pre>
 */
public enum LstmGate implements GateBlock {
    CANDIDATE("g"), FORGET("f"), OUTPUT("o"), INPUT("i");

    /** Blocks in W, RW and b. */
    public static final int BLOCKS = values().length;

    /** The course's symbol: what inspection calls this gate. */
    public final String symbol;

    LstmGate(String symbol) {
        this.symbol = symbol;
    }
}
