package pena.generate;

import java.util.Arrays;

/**
 * The most probable token ids, best first, as many as top-k and top-p keep, without ranking the
 * whole vocabulary: a binary heap over the ids is built in one pass (linear in the vocabulary)
 * and only the kept ids are taken off it. A word model's 10,000 probabilities were sorted as
 * boxed Integers on every token before; a top-k of 40 now takes 40 steps off the heap.
 *
 * <p>Ties go to the lower id, so the kept set is the one a full sort by (probability
 * descending, id ascending) would give.
 */
final class TopTokens {
    private TopTokens() {
    }

    /**
     * @param p        non-negative probabilities summing to 1
     * @param maxCount keep at most this many (at least 1)
     * @param mass     stop once the kept ids hold at least this much probability (1: no limit)
     * @return the kept ids, most probable first
     */
    static int[] kept(double[] p, int maxCount, double mass) {
        int n = p.length;
        int[] heap = new int[n];
        for (int i = 0; i < n; i++) {
            heap[i] = i;
        }
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(heap, i, n, p);
        }
        int limit = Math.min(maxCount, n);
        int[] kept = new int[limit];
        int size = n;
        int count = 0;
        double held = 0;
        while (count < limit) {
            int best = heap[0];
            kept[count++] = best;
            held += p[best];
            if (mass < 1 && held >= mass) {
                break;
            }
            heap[0] = heap[--size];
            siftDown(heap, 0, size, p);
        }
        return count == limit ? kept : Arrays.copyOf(kept, count);
    }

    /** True when id a ranks before id b: more probable, or as probable and lower. */
    private static boolean before(int a, int b, double[] p) {
        return p[a] > p[b] || (p[a] == p[b] && a < b);
    }

    private static void siftDown(int[] heap, int at, int size, double[] p) {
        int id = heap[at];
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(heap[child + 1], heap[child], p)) {
                child++;
            }
            if (!before(heap[child], id, p)) {
                break;
            }
            heap[at] = heap[child];
            at = child;
        }
        heap[at] = id;
    }
}
