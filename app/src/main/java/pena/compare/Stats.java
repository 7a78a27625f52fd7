package pena.compare;

import java.util.List;

/** Mean and sample standard deviation of a few numbers (the seeds of one configuration). */
record Stats(double mean, double sd, int n) {

    static Stats of(List<Double> values) {
        List<Double> finite = values.stream().filter(Double::isFinite).toList();
        int n = finite.size();
        if (n == 0) {
            return new Stats(Double.NaN, Double.NaN, 0);
        }
        double mean = finite.stream().mapToDouble(Double::doubleValue).sum() / n;
        double squares = finite.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return new Stats(mean, n > 1 ? Math.sqrt(squares / (n - 1)) : 0, n);
    }
}
