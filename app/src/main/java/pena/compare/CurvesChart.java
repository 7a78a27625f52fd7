package pena.compare;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import pena.inspect.Pictures;
import pena.model.HistoryPoint;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * {@code curves.png}: validation BPC against training seconds (left) and against tokens seen
 * (right), one line per configuration (mean over seeds) with thin lines at the lowest and
 * highest seed. Drawn with XChart; large fonts and thick lines, for a projector.
 */
final class CurvesChart {
    private CurvesChart() {
    }

    static void write(List<RunResult> results, String tokenWord, Path file) {
        Map<String, List<RunResult>> groups = new LinkedHashMap<>();
        for (RunResult r : results) {
            groups.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r);
        }
        List<Chart<?, ?>> charts = List.of(
                chart(groups, "validation BPC / BPC de validação", "training seconds / segundos de treino",
                        HistoryPoint::seconds, 1),
                chart(groups, "", tokenWord + " seen / " + ("characters".equals(tokenWord) ? "caracteres vistos"
                        : "tokens vistos"), p -> p.tokensSeen() / 1e6, 1e6));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling("curves.tmp.png");
            BitmapEncoder.saveBitmap(charts, 1, 2, temp.toString(), BitmapEncoder.BitmapFormat.PNG);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CompareException("cannot write " + file + " (" + e.getMessage() + ")");
        }
    }

    private static XYChart chart(Map<String, List<RunResult>> groups, String title, String xTitle,
                                 ToDoubleFunction<HistoryPoint> xOf, double scale) {
        String xAxis = scale == 1e6 ? xTitle + " (millions / milhões)" : xTitle;
        XYChart chart = new XYChartBuilder().width(900).height(620).title(title).xAxisTitle(xAxis)
                .yAxisTitle("bits per character / bits por caractere").build();
        Pictures.style(chart.getStyler(), 22);
        int colour = 0;
        for (Map.Entry<String, List<RunResult>> group : groups.entrySet()) {
            Color c = Pictures.COLOURS[colour++ % Pictures.COLOURS.length];
            SeedBand band = SeedBand.of(group.getValue(), xOf);
            int seeds = group.getValue().size();
            XYSeries mean = chart.addSeries(group.getKey() + (seeds > 1 ? " (" + seeds + " seeds)" : ""),
                    band.x(), band.mean());
            mean.setLineColor(c);
            mean.setMarker(seeds > 1 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
            mean.setMarkerColor(c);
            mean.setLineWidth(4f);
            if (seeds > 1) {
                Color light = new Color(c.getRed(), c.getGreen(), c.getBlue(), 110);
                for (double[] edge : new double[][]{band.low(), band.high()}) {
                    XYSeries s = chart.addSeries(group.getKey() + (edge == band.low() ? " low" : " high"),
                            band.x(), edge);
                    s.setLineColor(light);
                    s.setLineStyle(new BasicStroke(1.5f));
                    s.setMarker(SeriesMarkers.NONE);
                    s.setShowInLegend(false);
                }
            }
        }
        return chart;
    }
}
