package pena.inspect;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ranking on synthetic units: one known to track a feature (its value the feature plus noise),
 * one tracking it upside down, the rest noise; and the AUC and correlation on hand-checked cases.
 */
class UnitRankingTest {

    @Test
    void theUnitThatTracksAFeatureRanksFirstAndOneUpsideDownSecond() {
        int steps = 2000;
        Random random = new Random(4);
        double[] quoted = new double[steps];
        boolean inside = false;
        for (int t = 0; t < steps; t++) {
            if (random.nextInt(40) == 0) {
                inside = !inside;
            }
            quoted[t] = inside ? 1 : 0;
        }
        List<UnitRanking.Unit> units = new ArrayList<>();
        float[][] values = new float[20][steps];
        for (int u = 0; u < 20; u++) {
            units.add(new UnitRanking.Unit(u / 10, u % 2 == 0 ? "h" : "c", u));
            for (int t = 0; t < steps; t++) {
                double noise = random.nextGaussian();
                values[u][t] = (float) (u == 13 ? quoted[t] + 0.2 * noise : u == 7 ? -quoted[t] + 0.6 * noise : noise);
            }
        }
        List<UnitRanking.Score> ranked = UnitRanking.rank(TextFeature.QUOTATION, quoted, units, values);
        assertEquals(13, ranked.get(0).unit().unit());
        assertTrue(ranked.get(0).score() > 0.99, "AUC " + ranked.get(0).score());
        assertTrue(ranked.get(0).higher());
        assertEquals(7, ranked.get(1).unit().unit());
        assertFalse(ranked.get(1).higher(), "the upside-down unit is lower inside");
        assertTrue(ranked.get(2).score() < 0.6, "noise ranks near chance: " + ranked.get(2).score());
        assertEquals(20, ranked.size());
    }

    @Test
    void aucAndCorrelationOnHandCheckedCases() {
        assertEquals(1.0, UnitRanking.auc(new float[]{1, 2, 3, 4}, new double[]{0, 0, 1, 1}), 1e-12);
        assertEquals(0.0, UnitRanking.auc(new float[]{4, 3, 2, 1}, new double[]{0, 0, 1, 1}), 1e-12);
        // positives 2 and 4, negatives 1 and 3: of the four (positive, negative) pairs three are ordered
        assertEquals(0.75, UnitRanking.auc(new float[]{1, 2, 3, 4}, new double[]{0, 1, 0, 1}), 1e-12);
        assertEquals(0.5, UnitRanking.auc(new float[]{5, 5, 5, 5}, new double[]{1, 0, 1, 0}), 1e-12, "ties count half");
        assertTrue(Double.isNaN(UnitRanking.auc(new float[]{1, 2}, new double[]{1, 1})));
        assertEquals(1.0, UnitRanking.correlation(new float[]{1, 2, 3}, new double[]{2, 4, 6}), 1e-12);
        assertEquals(-1.0, UnitRanking.correlation(new float[]{1, 2, 3}, new double[]{3, 2, 1}), 1e-12);
    }
}
