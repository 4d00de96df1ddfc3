package org.lotflow.product;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.lotflow.shared.input.Decimals;

/**
 * One test of a product's specification: a value must lie within [min, max] (either bound may be
 * open). Bounds are inclusive: the seed's "245-255 cSt" accepts 245 and 255.
 */
@Embeddable
public class SpecLimit {

    @Column(nullable = false, length = 100)
    private String test;

    @Column(length = 32)
    private String unit;

    @Column(name = "min_value", precision = 19, scale = 6)
    private BigDecimal min;

    @Column(name = "max_value", precision = 19, scale = 6)
    private BigDecimal max;

    /** How many decimals each limit was written with (V156; null: defined before): 98.0 stays 98.0. */
    @Column(name = "min_decimals")
    private Integer minDecimals;

    @Column(name = "max_decimals")
    private Integer maxDecimals;

    protected SpecLimit() {
    }

    public SpecLimit(String test, String unit, BigDecimal min, BigDecimal max) {
        this.test = test;
        this.unit = unit;
        this.min = min;
        this.max = max;
        this.minDecimals = Decimals.of(min);
        this.maxDecimals = Decimals.of(max);
    }

    /**
     * Why {@code test} cannot name a test (null when it can): the Tasklist form "Record lab results" takes one
     * {@code test = value} line per test and skips lines that begin with {@code #}, so a name holding {@code =} or
     * beginning with {@code #} could never be recorded there (auditor 2026-12-06 G7). Line breaks and invisible
     * characters are refused by the one-line rule for names.
     */
    public static String testNameProblem(String test) {
        if (test != null && test.contains("=")) {
            return "must not contain '=': the lab-results form in Tasklist reads each line as 'test = value'";
        }
        if (test != null && test.startsWith("#")) {
            return "must not begin with '#': the lab-results form in Tasklist skips lines beginning with '#' as notes";
        }
        return null;
    }

    public String getTest() {
        return test;
    }

    public String getUnit() {
        return unit;
    }

    /** The lower limit as written ({@link Decimals#asWritten}). */
    public BigDecimal getMin() {
        return Decimals.asWritten(min, minDecimals);
    }

    /** The upper limit as written ({@link Decimals#asWritten}). */
    public BigDecimal getMax() {
        return Decimals.asWritten(max, maxDecimals);
    }

    /** Whether a measured value meets this limit; a missing value never does. */
    public boolean accepts(BigDecimal value) {
        if (value == null) {
            return false;
        }
        return (min == null || value.compareTo(min) >= 0) && (max == null || value.compareTo(max) <= 0);
    }

    /** "245 – 255 cSt", "≥ 220 °C", "≤ 0.1". */
    public String describe() {
        String u = unit == null || unit.isBlank() ? "" : " " + unit;
        if (min != null && max != null) {
            return Decimals.text(getMin()) + " – " + Decimals.text(getMax()) + u;
        }
        if (min != null) {
            return "≥ " + Decimals.text(getMin()) + u;
        }
        if (max != null) {
            return "≤ " + Decimals.text(getMax()) + u;
        }
        return "recorded only" + u;
    }
}
