package pena.layers.kernels;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs work on all cores by cutting a range of rows into one part per core. Above all a window's
 * time steps, split by batch: the recurrence couples a stream only with itself from one step to
 * the next, so each part of the batch runs all its steps (its rows of each step's product, its
 * gate arithmetic) with no waiting on the others until the window ends. Also the window's large
 * products and the transposes between layouts. The calling thread runs the first part.
 */
public final class BatchSplit {
    /** Fewer rows than this per part make a step's product too thin to be worth a thread. */
    public static final int MIN_ROWS = 8;
    private static final int CORES = Math.max(1, Integer.getInteger("pena.layers.threads",
            Runtime.getRuntime().availableProcessors()));
    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(Math.max(1, CORES - 1), runnable -> {
        Thread thread = new Thread(runnable, "pena-layers");
        thread.setDaemon(true);
        return thread;
    });

    private BatchSplit() {
    }

    /** The rows [from, to) of a batch that one part runs. */
    public interface Part {
        void run(int from, int to);
    }

    /** Runs {@code part} over the batch cut into up to one piece per core; returns when all are done. */
    public static void run(int batch, Part part) {
        run(batch, MIN_ROWS, part);
    }

    /** Runs {@code part} over [0, rows) cut into up to one piece per core of at least {@code minRows}. */
    public static void run(int rows, int minRows, Part part) {
        run(rows, minRows, (index, from, to) -> part.run(from, to));
    }

    /** How many pieces {@link #run(int, int, IndexedPart)} cuts [0, rows) into. */
    public static int parts(int rows, int minRows) {
        return Math.max(1, Math.min(CORES, rows / minRows));
    }

    /** The rows [from, to) of piece {@code index} (0 … parts - 1), so a piece can keep its own partial result. */
    public interface IndexedPart {
        void run(int index, int from, int to);
    }

    /**
     * Runs {@code part} over [0, rows) cut into {@link #parts} pieces; piece 0 on the calling
     * thread. Pieces and their bounds depend only on the arguments, so partial results summed in
     * piece order are the same from run to run.
     */
    public static void run(int rows, int minRows, IndexedPart part) {
        int parts = parts(rows, minRows);
        if (parts == 1) {
            part.run(0, 0, rows);
            return;
        }
        List<Future<?>> others = new ArrayList<>();
        for (int p = 1; p < parts; p++) {
            int index = p;
            int from = rows * p / parts;
            int to = rows * (p + 1) / parts;
            others.add(WORKERS.submit(() -> part.run(index, from, to)));
        }
        part.run(0, 0, rows / parts);
        for (Future<?> other : others) {
            try {
                other.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while a recurrent layer ran", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(cause);
            }
        }
    }
}
