package pena.layers.kernels;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The splitting kernel alone: every row is run exactly once, and a part's failure reaches the caller. */
class BatchSplitTest {
    @Test
    void everyRowRunsExactlyOnce() {
        for (int rows : new int[]{1, 7, 32, 257, 1000}) {
            for (int min : new int[]{1, 3, 16, 256}) {
                AtomicIntegerArray runs = new AtomicIntegerArray(rows);
                BatchSplit.run(rows, min, (from, to) -> {
                    for (int r = from; r < to; r++) {
                        runs.incrementAndGet(r);
                    }
                });
                for (int r = 0; r < rows; r++) {
                    assertEquals(1, runs.get(r), "rows " + rows + ", at least " + min + " a part: row " + r);
                }
            }
        }
    }

    @Test
    void aFailingPartFailsTheCall() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BatchSplit.run(1000, 1,
                (from, to) -> {
                    if (to == 1000) { // the last part: a worker's when the rows are split
                        throw new IllegalArgumentException("part from " + from);
                    }
                }));
        assertEquals(true, e.getMessage().startsWith("part from "), e.getMessage());
    }
}
