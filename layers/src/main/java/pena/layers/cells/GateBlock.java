package pena.layers.cells;

/**
 * A block of n columns in a cell's W, RW and b: block k (its {@link #ordinal}) at columns
 * [k·n, (k+1)·n). {@link LstmGate} and {@link GruGate} name the blocks of each cell.
 */
public interface GateBlock {
    /** The block's position: 0 for the first block. */
    int ordinal();

    /** The block's first column for n units. */
    default int from(int n) {
        return ordinal() * n;
    }

    /** The block's first column for n units. */
    default long from(long n) {
        return ordinal() * n;
    }

    /** One past the block's last column. */
    default long to(long n) {
        return (ordinal() + 1) * n;
    }
}
