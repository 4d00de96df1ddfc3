package org.lotflow.reports.internal.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * The statistics of one test's values across lots for the quality trend (seed: "Quality trend analysis") and
 * its control chart (Shewhart individuals chart): count, mean, sample standard deviation, and the control
 * limits mean &plusmn; 3 standard deviations. Decimals with six places like the lab values
 * ({@code NUMERIC(19, 6)}), rounded half up; standard deviation and limits null for fewer than two values.
 * A plain rule, tested without Spring.
 */
public record ControlLimits(int n, BigDecimal mean, BigDecimal standardDeviation, BigDecimal lowerControlLimit,
        BigDecimal upperControlLimit, BigDecimal min, BigDecimal max) {

    public static final int SCALE = 6;

    public static ControlLimits of(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return new ControlLimits(0, null, null, null, null, null, null);
        }
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal n = BigDecimal.valueOf(values.size());
        BigDecimal mean = sum.divide(n, MathContext.DECIMAL128);
        BigDecimal min = values.stream().min(BigDecimal::compareTo).orElseThrow();
        BigDecimal max = values.stream().max(BigDecimal::compareTo).orElseThrow();
        if (values.size() < 2) {
            return new ControlLimits(1, scaled(mean), null, null, null, min, max);
        }
        BigDecimal squares = values.stream().map(v -> v.subtract(mean).pow(2)).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal sd = squares.divide(n.subtract(BigDecimal.ONE), MathContext.DECIMAL128).sqrt(MathContext.DECIMAL128);
        BigDecimal three = sd.multiply(BigDecimal.valueOf(3));
        return new ControlLimits(values.size(), scaled(mean), scaled(sd), scaled(mean.subtract(three)),
                scaled(mean.add(three)), min, max);
    }

    private static BigDecimal scaled(BigDecimal v) {
        return v.setScale(SCALE, RoundingMode.HALF_UP);
    }
}
