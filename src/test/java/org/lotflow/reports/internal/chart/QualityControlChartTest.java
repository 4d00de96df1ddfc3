package org.lotflow.reports.internal.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

class QualityControlChartTest {

    private static boolean inSpec(BigDecimal v) {
        return v.compareTo(new BigDecimal("245")) >= 0 && v.compareTo(new BigDecimal("255")) <= 0;
    }

    private static ControlChartData viscosity(String... values) {
        List<ControlChartData.Point> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new ControlChartData.Point("IL250-2025-%03d".formatted(i + 1), LocalDate.of(2025, 1, 1).plusDays(i),
                    new BigDecimal(values[i]), inSpec(new BigDecimal(values[i]))));
        }
        return new ControlChartData("IL-250", "Industrial lubricant 250", "viscosity", "cSt", new BigDecimal("245"),
                new BigDecimal("255"), points);
    }

    @Test
    void aPngOfTheRequestedSize() throws Exception {
        byte[] png = QualityControlChart.png(viscosity("248", "250", "252", "256.5"), 800, 400);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(400);
    }

    @Test
    void valuesOutsideTheSpecificationAreTheirOwnSeriesAndTheLimitsAreDrawn() {
        JFreeChart chart = QualityControlChart.chart(viscosity("248", "250", "252", "256.5", "244.9"));
        XYPlot plot = chart.getXYPlot();
        XYSeriesCollection data = (XYSeriesCollection) plot.getDataset();
        assertThat(data.getSeries("value").getItemCount()).isEqualTo(5);
        assertThat(data.getSeries("in specification").getItemCount()).isEqualTo(3);
        assertThat(data.getSeries("out of specification").getItemCount()).as("256.5 and 244.9").isEqualTo(2);
        assertThat(plot.getRangeMarkers(Layer.FOREGROUND)).extracting(Marker::getLabel)
                .containsExactlyInAnyOrder("LSL 245", "USL 255");
        assertThat(plot.getRangeMarkers(Layer.BACKGROUND)).extracting(Marker::getLabel)
                .anyMatch(l -> l.startsWith("mean 250.3")).anyMatch(l -> l.startsWith("UCL")).anyMatch(l -> l.startsWith("LCL"));
        assertThat(plot.getRangeAxis().getLowerBound()).as("LSL in view").isLessThan(245);
        assertThat(plot.getRangeAxis().getUpperBound()).isGreaterThan(256.5);
        assertThat(((SymbolAxis) plot.getDomainAxis()).getSymbols()).startsWith("IL250-2025-001");
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("viscosity (cSt)");
    }

    @Test
    void aOneSidedSpecificationDrawsOneLimitAndManyLotsAreCounted() {
        List<ControlChartData.Point> points = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            points.add(new ControlChartData.Point("L" + i, LocalDate.of(2025, 1, 1), BigDecimal.valueOf(220 + i % 7), true));
        }
        ControlChartData flash = new ControlChartData("IL-250", "Industrial lubricant 250", "flashPoint", "°C",
                new BigDecimal("220"), null, points);
        XYPlot plot = QualityControlChart.chart(flash).getXYPlot();
        assertThat(plot.getRangeMarkers(Layer.FOREGROUND)).extracting(Marker::getLabel).containsExactly("LSL 220");
        assertThat(plot.getDomainAxis()).isNotInstanceOf(SymbolAxis.class);
        assertThat(plot.getDomainAxis().getLabel()).contains("120 lots");
    }

    @Test
    void limitsStoredWithTheirScaleAreLabelledAsTheSpecificationStatesThem() {
        List<ControlChartData.Point> points = List.of(
                new ControlChartData.Point("IL250-2025-001", LocalDate.of(2025, 1, 8), new BigDecimal("248"), true),
                new ControlChartData.Point("IL250-2025-002", LocalDate.of(2025, 1, 9), new BigDecimal("248"), true));
        ControlChartData same = new ControlChartData("IL-250", "Industrial lubricant 250", "viscosity40C", "cSt",
                new BigDecimal("245.000000"), new BigDecimal("255.500000"), points);
        JFreeChart chart = QualityControlChart.chart(same);
        XYPlot plot = chart.getXYPlot();
        assertThat(plot.getRangeMarkers(Layer.FOREGROUND)).extracting(Marker::getLabel)
                .containsExactlyInAnyOrder("LSL 245", "USL 255.5");
        // every value the same: no separate control limits drawn on top of the mean
        assertThat(plot.getRangeMarkers(Layer.BACKGROUND)).extracting(Marker::getLabel)
                .containsExactly("mean 248 = UCL = LCL (no spread)");
        assertThat(((org.jfree.chart.title.TextTitle) chart.getSubtitle(1)).getText())
                .contains("specification 245 to 255.5");
    }
}
