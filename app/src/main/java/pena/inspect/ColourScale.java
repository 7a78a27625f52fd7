package pena.inspect;

import java.awt.Color;

/**
 * Colours for values: gates (0 to 1) from dark to bright yellow, so "closed" reads dark and
 * "open" bright; signed values (candidates, h, C) blue below zero, white at zero, red above.
 */
final class ColourScale {
    private final Quantity.Range range;
    private final double limit; // |value| mapped to full colour for signed scales

    private ColourScale(Quantity.Range range, double limit) {
        this.range = range;
        this.limit = limit;
    }

    /** The scale for a quantity; the unbounded cell state is scaled to the largest |value| shown. */
    static ColourScale of(Quantity quantity, float[][] values) {
        double limit = 1;
        if (quantity.range() == Quantity.Range.OPEN) {
            limit = 1e-6;
            for (float[] row : values) {
                for (float v : row) {
                    limit = Math.max(limit, Math.abs(v));
                }
            }
        }
        return new ColourScale(quantity.range(), limit);
    }

    double limit() {
        return limit;
    }

    Color colour(double value) {
        if (range == Quantity.Range.SIGMOID) {
            double t = Math.max(0, Math.min(1, value));
            // dark blue-grey (closed) to yellow (open)
            return new Color(lerp(20, 250, t), lerp(24, 225, t), lerp(60, 30, t));
        }
        double t = Math.max(-1, Math.min(1, value / limit));
        if (t < 0) {
            return new Color(lerp(255, 33, -t), lerp(255, 102, -t), lerp(255, 172, -t));
        }
        return new Color(lerp(255, 178, t), lerp(255, 24, t), lerp(255, 43, t));
    }

    private static int lerp(int from, int to, double t) {
        return (int) Math.round(from + (to - from) * t);
    }
}
