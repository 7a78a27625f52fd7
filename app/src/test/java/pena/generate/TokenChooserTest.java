package pena.generate;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenChooserTest {
    private static final float[] P = {0.05f, 0.40f, 0.25f, 0.20f, 0.10f};

    private static long kept(double[] p) {
        return Arrays.stream(p).filter(x -> x > 0).count();
    }

    @Test
    void topKKeepsTheKMostLikely() {
        double[] p = TokenChooser.filter(P, new SamplingOptions(1, 2, 1, 0));
        assertEquals(2, kept(p));
        assertEquals(0.40 / 0.65, p[1], 1e-6);
        assertEquals(0.25 / 0.65, p[2], 1e-6);
    }

    @Test
    void topPKeepsTheSmallestSetReachingTheMass() {
        assertEquals(2, kept(TokenChooser.filter(P, new SamplingOptions(1, 0, 0.6, 0))));
        assertEquals(3, kept(TokenChooser.filter(P, new SamplingOptions(1, 0, 0.66, 0))));
        assertEquals(1, kept(TokenChooser.filter(P, new SamplingOptions(1, 0, 0.1, 0))));
        assertEquals(5, kept(TokenChooser.filter(P, new SamplingOptions(1, 0, 1.0, 0))));
    }

    @Test
    void temperatureZeroIsArgmaxAndLowTemperatureSharpens() {
        TokenChooser chooser = new TokenChooser(new SamplingOptions(0, 0, 1, 3));
        for (int i = 0; i < 20; i++) {
            assertEquals(1, chooser.choose(P));
        }
        double[] cold = TokenChooser.filter(P, new SamplingOptions(0.5, 0, 1, 0));
        assertTrue(cold[1] > 0.40 && cold[0] < 0.05);
        double[] hot = TokenChooser.filter(P, new SamplingOptions(2, 0, 1, 0));
        assertTrue(hot[1] < 0.40 && hot[0] > 0.05);
    }

    @Test
    void sameSeedSameChoicesAndBannedIdsNeverChosen() {
        TokenChooser a = new TokenChooser(new SamplingOptions(1, 0, 1, 42));
        TokenChooser b = new TokenChooser(new SamplingOptions(1, 0, 1, 42));
        int[] counts = new int[P.length];
        for (int i = 0; i < 2000; i++) {
            int x = a.choose(P, 1);
            assertEquals(x, b.choose(P, 1));
            counts[x]++;
        }
        assertEquals(0, counts[1]);
        assertTrue(counts[2] > counts[4], Arrays.toString(counts));
    }

    @Test
    void badOptionsAreRefused() {
        assertThrows(SamplingException.class, () -> new SamplingOptions(-1, 0, 1, 0));
        assertThrows(SamplingException.class, () -> new SamplingOptions(1, -2, 1, 0));
        assertThrows(SamplingException.class, () -> new SamplingOptions(1, 0, 0, 0));
    }
}
