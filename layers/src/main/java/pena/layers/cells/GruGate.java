package pena.layers.cells;

/**
 * The GRU's gate layout, written once: W [nIn, 3n], RW [n, 3n] and b [1, 3n] hold three blocks
 * of n columns, block k at columns [k·n, (k+1)·n): the update gate z, the reset gate r, the
 * candidate h̃ (inspection's "n"). z and r come first, so the two sigmoid gates are one range
 * [0, 2n) and the candidate's recurrent block is the last. The ND4J reference, the float kernel
 * and the one-token stepper find a block's columns here and nowhere else.
 */
public enum GruGate implements GateBlock {
    UPDATE("z"), RESET("r"), CANDIDATE("n");

    /** Blocks in W, RW and b. */
    public static final int BLOCKS = values().length;

    /** The course's symbol: what inspection calls this block. */
    public final String symbol;

    GruGate(String symbol) {
        this.symbol = symbol;
    }

    /** One past the sigmoid gates (z and r), where the candidate's block starts. */
    public static long gatesEnd(long n) {
        return CANDIDATE.from(n);
    }
}
