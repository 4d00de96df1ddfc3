package org.lotflow.release.internal;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.lotflow.release.LabVerdict;
import org.lotflow.shared.input.Decimals;

/**
 * One test of a lot's lab analysis in one test round, with the specification it was judged against
 * (copied, so a later change of the product's specification does not rewrite the verdict). Written
 * once, never changed: a retest is a new round, the original result stays (FDA OOS guidance).
 */
@Entity
@Table(name = "lab_result")
public class LabResult {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "lot_id", nullable = false)
    private Long lotId;

    /** The test round: 1 for the original analysis, 2, 3, ... for retests after an assignable lab error. */
    @Column(name = "test_round", nullable = false)
    private int round;

    @Column(nullable = false, length = 100)
    private String test;

    @Column(length = 32)
    private String unit;

    @Column(name = "result", precision = 19, scale = 6)
    private BigDecimal value;

    @Column(name = "min_value", precision = 19, scale = 6)
    private BigDecimal min;

    @Column(name = "max_value", precision = 19, scale = 6)
    private BigDecimal max;

    /** How many decimals the value and the limits were written with (V156; null: recorded before). */
    @Column(name = "result_decimals")
    private Integer valueDecimals;

    @Column(name = "min_decimals")
    private Integer minDecimals;

    @Column(name = "max_decimals")
    private Integer maxDecimals;

    /** An observation for a test without limits (V154); null for a number. */
    @Column(name = "result_text", length = 200)
    private String text;

    @Column(nullable = false)
    private boolean passed;

    @Column(name = "recorded_by", nullable = false, length = 64)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected LabResult() {
    }

    /** A result as judged; {@code text}: the observation for a test without limits (null for a number). */
    public LabResult(Long lotId, int round, String test, String unit, BigDecimal value, String text, BigDecimal min,
            BigDecimal max, boolean passed, String recordedBy, Instant recordedAt) {
        this.lotId = lotId;
        this.round = round;
        this.test = test;
        this.unit = unit;
        this.value = value;
        this.text = text;
        this.min = min;
        this.max = max;
        this.valueDecimals = Decimals.of(value);
        this.minDecimals = Decimals.of(min);
        this.maxDecimals = Decimals.of(max);
        this.passed = passed;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getLotId() {
        return lotId;
    }

    public int getRound() {
        return round;
    }

    public String getTest() {
        return test;
    }

    public String getUnit() {
        return unit;
    }

    /** The value as written ({@link Decimals#asWritten}: 8.0 stays 8.0). */
    public BigDecimal getValue() {
        return Decimals.asWritten(value, valueDecimals);
    }

    /** The lower limit judged against, as the specification wrote it. */
    public BigDecimal getMin() {
        return Decimals.asWritten(min, minDecimals);
    }

    /** The upper limit judged against, as the specification wrote it. */
    public BigDecimal getMax() {
        return Decimals.asWritten(max, maxDecimals);
    }

    public boolean isPassed() {
        return passed;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    /** This test as the verdict shows it. */
    public LabVerdict.TestVerdict toVerdict() {
        return new LabVerdict.TestVerdict(test, getValue(), unit, getMin(), getMax(), passed, text);
    }
}
