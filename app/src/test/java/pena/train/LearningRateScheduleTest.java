package pena.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schedule's shape: warm-up, peak, cosine decay to a tenth; constant is the peak. */
class LearningRateScheduleTest {
    @Test
    void cosineWarmsUpPeaksAndDecaysToATenth() {
        LearningRateSchedule cosine = new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, 2e-3);
        assertEquals(2e-4, cosine.at(0), 1e-12, "starts at a tenth");
        assertEquals(1.1e-3, cosine.at(LearningRateSchedule.WARMUP / 2), 1e-12, "half-way up the warm-up");
        assertEquals(2e-3, cosine.at(LearningRateSchedule.WARMUP), 1e-12, "the peak at the end of the warm-up");
        assertEquals(1.1e-3, cosine.at((1 + LearningRateSchedule.WARMUP) / 2), 1e-12, "half-way down the cosine");
        assertEquals(2e-4, cosine.at(1), 1e-12, "a tenth at the end");
        assertEquals(2e-4, cosine.at(3), 1e-12, "past the end (a resumed run with a spent budget) stays there");
        double previous = Double.MAX_VALUE;
        for (double s = LearningRateSchedule.WARMUP; s <= 1; s += 0.01) {
            assertTrue(cosine.at(s) <= previous + 1e-15, "decays monotonically");
            previous = cosine.at(s);
        }
        LearningRateSchedule constant = new LearningRateSchedule(LearningRateSchedule.Kind.CONSTANT, 2e-3);
        assertEquals(2e-3, constant.at(0));
        assertEquals(2e-3, constant.at(1));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.Kind.parse("linear"));
    }
}
