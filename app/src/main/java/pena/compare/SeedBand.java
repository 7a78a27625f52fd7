package pena.compare;

import java.util.List;
import java.util.function.ToDoubleFunction;

import pena.model.HistoryPoint;

/**
 * The validation curves of one configuration's seeds on a common x grid: mean, lowest and
 * highest. Seeds are measured at slightly different x (seconds, tokens), so each curve is
 * interpolated linearly between its points; the grid spans the x range all seeds cover.
 */
record SeedBand(double[] x, double[] mean, double[] low, double[] high) {
    private static final int GRID = 60;

    static SeedBand of(List<RunResult> runs, ToDoubleFunction<HistoryPoint> xOf) {
        if (runs.size() == 1) {
            List<HistoryPoint> h = runs.get(0).history();
            double[] x = h.stream().mapToDouble(xOf).toArray();
            double[] y = h.stream().mapToDouble(HistoryPoint::validationBpc).toArray();
            return new SeedBand(x, y, y, y);
        }
        double from = runs.stream().mapToDouble(r -> xOf.applyAsDouble(r.history().get(0))).max().orElse(0);
        double to = runs.stream().mapToDouble(r -> xOf.applyAsDouble(r.history().get(r.history().size() - 1)))
                .min().orElse(0);
        int n = to > from ? GRID : 1;
        double[] x = new double[n];
        double[] mean = new double[n];
        double[] low = new double[n];
        double[] high = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = n == 1 ? from : from + (to - from) * i / (n - 1);
            low[i] = Double.POSITIVE_INFINITY;
            high[i] = Double.NEGATIVE_INFINITY;
            for (RunResult run : runs) {
                double y = interpolate(run.history(), xOf, x[i]);
                mean[i] += y / runs.size();
                low[i] = Math.min(low[i], y);
                high[i] = Math.max(high[i], y);
            }
        }
        return new SeedBand(x, mean, low, high);
    }

    static double interpolate(List<HistoryPoint> points, ToDoubleFunction<HistoryPoint> xOf, double x) {
        HistoryPoint previous = points.get(0);
        if (x <= xOf.applyAsDouble(previous)) {
            return previous.validationBpc();
        }
        for (HistoryPoint p : points) {
            double px = xOf.applyAsDouble(p);
            if (px >= x) {
                double x0 = xOf.applyAsDouble(previous);
                double t = px == x0 ? 1 : (x - x0) / (px - x0);
                return previous.validationBpc() + t * (p.validationBpc() - previous.validationBpc());
            }
            previous = p;
        }
        return previous.validationBpc();
    }
}
