package org.lotflow.reports.internal.chart;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a quality control chart shows: one test of one product, its specification limits (either may be
 * absent: a one-sided specification) and unit, and the measured value of each lot in order of manufacture.
 */
public record ControlChartData(String sku, String productName, String test, String unit, BigDecimal min,
        BigDecimal max, List<Point> points) {

    /**
     * One lot's value of the test (its last round: what its release rests on) and whether it passed, as
     * judged against the limits in force when it was recorded.
     */
    public record Point(String lotNumber, LocalDate manufactureDate, BigDecimal value, boolean passed) {
    }
}
