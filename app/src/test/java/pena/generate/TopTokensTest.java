package pena.generate;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The heap's kept ids are the ones a full sort (probability descending, id ascending) keeps, in that order. */
class TopTokensTest {
    @Test
    void keepsWhatAFullSortKeeps() {
        Random random = new Random(11);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(trial < 100 ? 12 : 600);
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                // a few distinct values, so that ties are common; some zeros
                p[i] = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(trial % 2 == 0 ? 5 : 1000);
            }
            if (Arrays.stream(p).sum() == 0) {
                p[random.nextInt(n)] = 1;
            }
            double sum = Arrays.stream(p).sum();
            for (int i = 0; i < n; i++) {
                p[i] /= sum;
            }
            int k = 1 + random.nextInt(n + 3);
            double mass = random.nextBoolean() ? 1 : random.nextDouble();
            assertArrayEquals(bySorting(p, k, mass), TopTokens.kept(p, k, mass),
                    "n " + n + ", k " + k + ", mass " + mass + ", p " + Arrays.toString(p));
        }
    }

    /** The reference: every id sorted, then cut at k and at the mass. */
    private static int[] bySorting(double[] p, int k, double mass) {
        Integer[] order = IntStream.range(0, p.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -p[i]).thenComparingInt(i -> i));
        int keep = Math.min(k, p.length);
        double held = 0;
        for (int rank = 0; rank < keep; rank++) {
            held += p[order[rank]];
            if (mass < 1 && held >= mass) {
                keep = rank + 1;
                break;
            }
        }
        return Arrays.stream(order, 0, keep).mapToInt(Integer::intValue).toArray();
    }
}
