package io.github.mbaseresnet.report;

import io.github.mbaseresnet.eval.ConfusionMatrix;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's figures as PNG bytes, drawn with JFreeChart: a row-normalised confusion matrix (the paper's Figures
 * 5–8) and test accuracy per training epoch for several methods (Figure 9).
 */
public final class Figures {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 560;

    private Figures() {
    }

    /** Rows are true classes, columns predictions; each cell shows the % of its row, shaded white to dark blue. */
    public static byte[] confusionMatrix(ConfusionMatrix cm, String title) {
        List<String> codes = cm.classes().codes();
        int n = codes.size();
        double[][] percent = cm.rowPercent();
        double[][] xyz = new double[3][n * n];
        XYPlot plot = new XYPlot();
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                int i = t * n + p;
                xyz[0][i] = p;
                xyz[1][i] = n - 1 - t; // first true class at the top, as in the paper's tables
                xyz[2][i] = percent[t][p];
                XYTextAnnotation label = new XYTextAnnotation(String.format(Locale.ROOT, "%.1f", percent[t][p]),
                        p, n - 1 - t);
                label.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
                label.setPaint(percent[t][p] > 55 ? Color.WHITE : Color.BLACK);
                plot.addAnnotation(label);
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("percent", xyz);
        LookupPaintScale scale = new LookupPaintScale(0, 100.0001, Color.WHITE);
        for (int step = 0; step <= 20; step++) {
            float f = step / 20f;
            scale.add(step * 5.0, new Color(1 - 0.85f * f, 1 - 0.7f * f, 1 - 0.35f * f));
        }
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        SymbolAxis predicted = new SymbolAxis("predicted", codes.toArray(String[]::new));
        String[] topDown = new String[n];
        for (int t = 0; t < n; t++) {
            topDown[n - 1 - t] = codes.get(t);
        }
        SymbolAxis actual = new SymbolAxis("true", topDown);
        plot.setDataset(data);
        plot.setRenderer(renderer);
        plot.setDomainAxis(predicted);
        plot.setRangeAxis(actual);
        plot.setBackgroundPaint(Color.WHITE);
        return png(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false), WIDTH, HEIGHT);
    }

    /** One line per method: mean test accuracy (%) after each epoch. */
    public static byte[] accuracyPerEpoch(Map<String, double[]> curves, String title) {
        XYSeriesCollection data = new XYSeriesCollection();
        curves.forEach((name, accuracy) -> {
            XYSeries series = new XYSeries(name);
            for (int e = 0; e < accuracy.length; e++) {
                series.add(e + 1, accuracy[e]);
            }
            data.addSeries(series);
        });
        NumberAxis epochs = new NumberAxis("epoch");
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis accuracy = new NumberAxis("test accuracy (%)");
        accuracy.setRange(0, 100);
        XYPlot plot = new XYPlot(data, epochs, accuracy, new XYLineAndShapeRenderer(true, true));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return png(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true), 800, 500);
    }

    private static byte[] png(JFreeChart chart, int width, int height) {
        chart.setBackgroundPaint(Color.WHITE);
        try {
            return ChartUtils.encodeAsPNG(chart.createBufferedImage(width, height));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a figure as PNG: " + e.getMessage(), e);
        }
    }
}
