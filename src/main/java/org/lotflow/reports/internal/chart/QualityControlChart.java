package org.lotflow.reports.internal.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.lotflow.reports.internal.rules.ControlLimits;

/**
 * Draws a quality control chart (issue #13, "a control chart per test: values over lots with the spec
 * limits drawn") with JFreeChart as a PNG: each lot's value of one test in order of manufacture, joined
 * by a line; the specification limits (LSL, USL) as solid red lines; the centre line and the control
 * limits of {@link ControlLimits} (mean ± 3 sample standard deviations, ISO 7870-2) as dashed grey lines;
 * values judged out of specification when recorded drawn as red points. Up to {@value #MAX_LABELLED} lots the x axis names each lot; beyond,
 * it counts them. Stateless and thread-safe; AWT runs headless (Spring Boot's default).
 */
public final class QualityControlChart {

    /** Up to this many lots, each is named on the x axis. */
    static final int MAX_LABELLED = 40;

    private static final Color VALUE = new Color(0x1f, 0x5f, 0x9f);
    private static final Color OUT_OF_SPEC = new Color(0xc0, 0x1c, 0x1c);
    private static final Color CONTROL = new Color(0x70, 0x70, 0x70);

    private QualityControlChart() {
    }

    /**
     * The chart as PNG bytes, {@code width} x {@code height} pixels (each 200-4000).
     *
     * @throws org.lotflow.shared.NotPrintable (406) when a text it draws (product, test, unit, a lot number) has a
     *         character no font of this machine has: never boxes in place of the product or test it is about (re-test
     *         2026-12-06 F9); the same figures are in the quality trend's JSON
     */
    public static byte[] png(ControlChartData data, int width, int height) {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        List<String> texts = new java.util.ArrayList<>(List.of(data.productName(), data.sku(), data.test(),
                data.unit() == null ? "" : data.unit()));
        data.points().forEach(p -> texts.add(p.lotNumber()));
        for (String text : texts) {
            int at = text == null ? -1 : font.canDisplayUpTo(text);
            if (at >= 0) {
                int cp = text.codePointAt(at);
                throw new org.lotflow.shared.NotPrintable("The control chart cannot be drawn: no font of this server has"
                        + " a letter for '" + new String(Character.toChars(cp)) + "' (U+" + String.format("%04X", cp)
                        + ") in \"" + text + "\". The same values are in the quality trend as JSON"
                        + " (GET /api/reports/quality-trend, Accept: application/json).");
            }
        }
        JFreeChart chart = chart(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The JFreeChart model (for tests and other formats). */
    static JFreeChart chart(ControlChartData data) {
        List<ControlChartData.Point> points = data.points();
        XYSeries inSpec = new XYSeries("in specification", false, true);
        XYSeries outOfSpec = new XYSeries("out of specification", false, true);
        XYSeries line = new XYSeries("value", false, true);
        for (int i = 0; i < points.size(); i++) {
            BigDecimal v = points.get(i).value();
            line.add(i, v);
            (points.get(i).passed() ? inSpec : outOfSpec).add(i, v);
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        dataset.addSeries(line);
        dataset.addSeries(inSpec);
        dataset.addSeries(outOfSpec);

        NumberAxis x;
        if (points.size() <= MAX_LABELLED) {
            x = new SymbolAxis("lot (in order of manufacture)",
                    points.stream().map(ControlChartData.Point::lotNumber).toArray(String[]::new));
            x.setVerticalTickLabels(true);
            ((SymbolAxis) x).setGridBandsVisible(false);
        } else {
            x = new NumberAxis("lot (in order of manufacture, " + points.size() + (points.size() == 1 ? " lot)" : " lots)"));
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        NumberAxis y = new NumberAxis(data.test() + (data.unit() == null || data.unit().isBlank() ? "" : " (" + data.unit() + ")"));
        y.setAutoRangeIncludesZero(false);

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        Shape dot = new Ellipse2D.Double(-3.5, -3.5, 7, 7);
        renderer.setSeriesLinesVisible(0, true);
        renderer.setSeriesShapesVisible(0, false);
        renderer.setSeriesPaint(0, VALUE);
        renderer.setSeriesVisibleInLegend(0, false);
        renderer.setSeriesLinesVisible(1, false);
        renderer.setSeriesShape(1, dot);
        renderer.setSeriesPaint(1, VALUE);
        renderer.setSeriesLinesVisible(2, false);
        renderer.setSeriesShape(2, dot);
        renderer.setSeriesPaint(2, OUT_OF_SPEC);

        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setDomainGridlinesVisible(false);
        if (data.min() != null) {
            plot.addRangeMarker(limit(data.min(), "LSL " + exact(data.min()), OUT_OF_SPEC, false), Layer.FOREGROUND);
        }
        if (data.max() != null) {
            plot.addRangeMarker(limit(data.max(), "USL " + exact(data.max()), OUT_OF_SPEC, false), Layer.FOREGROUND);
        }
        ControlLimits l = ControlLimits.of(points.stream().map(ControlChartData.Point::value).toList());
        Optional<ControlLimits> limits = Optional.of(l).filter(c -> c.upperControlLimit() != null);
        // every value the same: the control limits are the mean itself, one line with one label
        boolean noSpread = limits.isPresent()
                && l.upperControlLimit().compareTo(l.lowerControlLimit()) == 0;
        if (noSpread) {
            limits = Optional.empty();
        }
        if (l.mean() != null) {
            plot.addRangeMarker(limit(l.mean(), "mean " + round(l.mean()) + (noSpread ? " = UCL = LCL (no spread)" : ""),
                    CONTROL, true), Layer.BACKGROUND);
        }
        limits.ifPresent(c -> {
            plot.addRangeMarker(limit(c.upperControlLimit(), "UCL " + round(c.upperControlLimit()), CONTROL, true), Layer.BACKGROUND);
            plot.addRangeMarker(limit(c.lowerControlLimit(), "LCL " + round(c.lowerControlLimit()), CONTROL, true), Layer.BACKGROUND);
        });
        // keep every limit in view, also when every value lies well inside them
        double lo = y.getLowerBound();
        double hi = y.getUpperBound();
        for (BigDecimal b : new BigDecimal[] {data.min(), data.max(),
                limits.map(ControlLimits::lowerControlLimit).orElse(null),
                limits.map(ControlLimits::upperControlLimit).orElse(null)}) {
            if (b != null) {
                lo = Math.min(lo, b.doubleValue());
                hi = Math.max(hi, b.doubleValue());
            }
        }
        double pad = (hi - lo) * 0.08 + 1e-9;
        y.setRange(lo - pad, hi + pad);

        JFreeChart chart = new JFreeChart(data.productName() + " (" + data.sku() + "): " + data.test(),
                new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle(points.size() + (points.size() == 1 ? " lot" : " lots") + "; specification "
                + (data.min() == null ? "-" : exact(data.min())) + " to "
                + (data.max() == null ? "-" : exact(data.max())) + "; control limits mean ± 3 s",
                new Font(Font.SANS_SERIF, Font.PLAIN, 11)));
        return chart;
    }

    private static ValueMarker limit(BigDecimal value, String label, Color color, boolean dashed) {
        ValueMarker m = new ValueMarker(value.doubleValue());
        m.setPaint(color);
        m.setStroke(dashed ? new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                : new BasicStroke(1.5f));
        m.setLabel(label);
        m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        m.setLabelPaint(color);
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        return m;
    }

    /** A specification limit as the specification states it: exact, trailing zeros of the stored scale dropped. */
    private static String exact(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    /** A limit as a label: 4 significant digits (labels only; the report's JSON carries the exact figures). */
    private static String round(BigDecimal v) {
        return v.round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
