package pena.inspect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks units by how well their value follows a feature. Binary features: the AUC of the unit's
 * value as a score for "the feature is on" (Mann–Whitney, ties shared), taken as max(AUC, 1 −
 * AUC) with the direction kept: a unit low inside quotations tracks them as well as one high
 * there. Graded features: |Pearson r|, the sign kept the same way.
 */
public final class UnitRanking {
    private UnitRanking() {
    }

    /**
     * One unit's values over a text.
     *
     * @param layer    0-based recurrent layer
     * @param quantity "h", or "c" for an LSTM's cell state
     * @param unit     0-based unit
     */
    public record Unit(int layer, String quantity, int unit) {
    }

    /**
     * @param score  AUC (0.5 … 1) or |r| (0 … 1)
     * @param higher whether the unit is higher where the feature is on (or rises with it)
     */
    public record Score(Unit unit, double score, boolean higher) {
    }

    /** Every unit's score, best first. {@code values[u][t]} is unit u's value after character t. */
    public static List<Score> rank(TextFeature feature, double[] target, List<Unit> units, float[][] values) {
        List<Score> scores = new ArrayList<>(units.size());
        for (int u = 0; u < units.size(); u++) {
            double s = feature.binary ? auc(values[u], target) : correlation(values[u], target);
            if (Double.isNaN(s)) {
                continue;
            }
            double strength = feature.binary ? Math.max(s, 1 - s) : Math.abs(s);
            scores.add(new Score(units.get(u), strength, feature.binary ? s >= 0.5 : s >= 0));
        }
        scores.sort(Comparator.comparingDouble(Score::score).reversed());
        return scores;
    }

    /** Whether the feature is both on and off somewhere in the text (else nothing can be ranked). */
    public static boolean varies(double[] target) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double v : target) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return max > min;
    }

    /** P(a random "on" step has a higher value than a random "off" one), ties counting half. */
    static double auc(float[] x, double[] on) {
        int n = x.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> x[i]));
        double rankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && x[order[j + 1]] == x[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1; // tied values share the mean rank
            for (int k = i; k <= j; k++) {
                if (on[order[k]] > 0.5) {
                    rankSum += rank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    static double correlation(float[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
    }
}
