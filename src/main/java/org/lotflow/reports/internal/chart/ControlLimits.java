package org.lotflow.reports.internal.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * The control limits of an individuals control chart (Shewhart; ISO 7870-2, "X chart"): the centre line is
 * the mean of the values, and the upper and lower control limits lie three standard deviations (the
 * sample standard deviation, n - 1) above and below it. They describe what the process does, beside the
 * specification limits, which say what it must do: a value inside the specification but outside the
 * control limits is a signal worth a look before a lot fails (FDA, "Process Validation: General Principles
 * and Practices", 2011: continued process verification).
 *
 * @param mean centre line
 * @param standardDeviation sample standard deviation; 0 for fewer than two values
 * @param lower mean - 3 standard deviations
 * @param upper mean + 3 standard deviations
 */
public record ControlLimits(BigDecimal mean, BigDecimal standardDeviation, BigDecimal lower, BigDecimal upper) {

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    /** The limits of these values; none when there are no values. */
    public static java.util.Optional<ControlLimits> of(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return java.util.Optional.empty();
        }
        BigDecimal n = BigDecimal.valueOf(values.size());
        BigDecimal mean = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(n, PRECISION);
        BigDecimal sd = BigDecimal.ZERO;
        if (values.size() > 1) {
            BigDecimal squares = values.stream().map(v -> v.subtract(mean).pow(2)).reduce(BigDecimal.ZERO, BigDecimal::add);
            sd = squares.divide(n.subtract(BigDecimal.ONE), PRECISION).sqrt(PRECISION);
        }
        BigDecimal three = sd.multiply(BigDecimal.valueOf(3));
        return java.util.Optional.of(new ControlLimits(mean, sd, mean.subtract(three), mean.add(three)));
    }
}
