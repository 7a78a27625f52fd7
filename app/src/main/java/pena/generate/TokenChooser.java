package pena.generate;

import java.util.Arrays;
import java.util.Random;

/**
 * Filters a probability vector and draws from it. Order: temperature, then top-k, then top-p,
 * then renormalization; the ids in {@code banned} (such as {@code <unk>}) never survive.
 */
public final class TokenChooser {
    private final SamplingOptions options;
    private final Random random;

    public TokenChooser(SamplingOptions options) {
        this.options = options;
        this.random = new Random(options.seed());
    }

    /** The next token id. */
    public int choose(float[] probabilities, int... banned) {
        double[] p = filter(probabilities, options, banned);
        if (options.temperature() == 0) {
            return argmax(p);
        }
        double u = random.nextDouble();
        double cumulative = 0;
        int last = -1;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                cumulative += p[i];
                last = i;
                if (u < cumulative) {
                    return i;
                }
            }
        }
        return last;
    }

    /**
     * The distribution actually sampled from: zero outside the kept set, summing to 1.
     * With temperature 0 only the most likely allowed token keeps mass.
     */
    public static double[] filter(float[] probabilities, SamplingOptions options, int... banned) {
        int n = probabilities.length;
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = Math.max(0, probabilities[i]);
        }
        for (int id : banned) {
            p[id] = 0;
        }
        if (options.temperature() == 0) {
            int best = argmax(p);
            Arrays.fill(p, 0);
            p[best] = 1;
            return p;
        }
        if (options.temperature() != 1) {
            // p^(1/T) renormalized is softmax(logits / T)
            double max = Arrays.stream(p).max().orElse(0);
            for (int i = 0; i < n; i++) {
                p[i] = p[i] > 0 ? Math.exp(Math.log(p[i] / max) / options.temperature()) : 0;
            }
        }
        normalize(p);
        if (!(options.topK() > 0 && options.topK() < n) && !(options.topP() < 1)) {
            return p; // nothing to cut: no ranking
        }
        int[] kept = TopTokens.kept(p, options.topK() > 0 ? options.topK() : n, options.topP());
        double[] cut = new double[n];
        for (int id : kept) {
            cut[id] = p[id];
        }
        normalize(cut);
        return cut;
    }

    private static void normalize(double[] p) {
        double sum = Arrays.stream(p).sum();
        if (sum <= 0) {
            throw new SamplingException("the model gives no probability to any allowed token");
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }
}
