package pena.layers.kernels;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The float kernels' tanh and sigmoid against Java's double ones. */
class FloatMathTest {
    @Test
    void tanhAndSigmoidApproximationsAreWithinFloatRounding() {
        double worstTanh = 0;
        double worstSigmoid = 0;
        for (int k = -200_000; k <= 200_000; k++) {
            float x = k * 1e-4f;
            worstTanh = Math.max(worstTanh, Math.abs(FloatMath.tanh(x) - Math.tanh(x)));
            worstSigmoid = Math.max(worstSigmoid, Math.abs(FloatMath.sigmoid(x) - 1 / (1 + Math.exp(-x))));
        }
        assertTrue(worstTanh < 5e-7, "tanh error " + worstTanh);
        assertTrue(worstSigmoid < 5e-7, "sigmoid error " + worstSigmoid);
        assertEquals(1f, FloatMath.tanh(50f));
        assertEquals(-1f, FloatMath.tanh(-1e30f));
        assertEquals(0f, FloatMath.sigmoid(-1e30f));
        assertTrue(Float.isNaN(FloatMath.tanh(Float.NaN)), "NaN stays NaN (so divergence is seen)");
    }
}
