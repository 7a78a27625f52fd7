package pena.inspect;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Influence against distance, one line per memory profile, overlaid on a log scale; for an LSTM
 * also each layer's forget-gate path (dashed, longer dashes higher up). Drawn with XChart, like the compare curves:
 * large fonts and thick lines, for a projector.
 */
public final class MemoryChart {
    private MemoryChart() {
    }

    /**
     * @param labels one legend entry per profile (e.g. "rnn 2x512")
     * @param unit   "characters" or "tokens": what a distance counts
     */
    public static XYChart chart(List<MemoryProfile> profiles, List<String> labels, String unit, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height)
                .title("memory: influence against distance / memória: influência contra distância")
                .xAxisTitle(unit + " back / " + ("characters".equals(unit) ? "caracteres" : "tokens") + " para trás")
                .yAxisTitle("mean |∂ log p / ∂x| (log)").build();
        Pictures.style(chart.getStyler(), 18);
        chart.getStyler().setYAxisLogarithmic(true);
        for (int i = 0; i < profiles.size(); i++) {
            MemoryProfile profile = profiles.get(i);
            Color colour = Pictures.COLOURS[i % Pictures.COLOURS.length];
            double[] x = distances(profile.influence().length);
            XYSeries line = chart.addSeries(String.format(java.util.Locale.ROOT, "%s (%.0f%% beyond 20)", labels.get(i),
                    100 * profile.shareBeyond(20)), x, positive(profile.influence()));
            line.setLineColor(colour);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineWidth(3.5f);
            for (int l = 0; l < profile.forgetPath().size(); l++) { // dashes get longer with the layer
                XYSeries path = chart.addSeries(labels.get(i) + ": Π f, layer " + (l + 1), x,
                        positive(profile.forgetPath().get(l)));
                path.setLineColor(colour);
                path.setMarker(SeriesMarkers.NONE);
                path.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[]{4f + 6f * l, 5f}, 0f));
            }
        }
        return chart;
    }

    public static BufferedImage image(List<MemoryProfile> profiles, List<String> labels, String unit, int width,
                                      int height) {
        return BitmapEncoder.getBufferedImage(chart(profiles, labels, unit, width, height));
    }

    private static double[] distances(int n) {
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = k + 1;
        }
        return x;
    }

    /** A log axis takes no zero: the smallest positive value stands in for an exact 0. */
    private static double[] positive(double[] values) {
        double floor = Double.MAX_VALUE;
        for (double v : values) {
            if (v > 0) {
                floor = Math.min(floor, v);
            }
        }
        double[] out = values.clone();
        for (int k = 0; k < out.length; k++) {
            if (!(out[k] > 0)) {
                out[k] = floor == Double.MAX_VALUE ? 1e-12 : floor;
            }
        }
        return out;
    }
}
