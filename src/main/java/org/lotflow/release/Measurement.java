package org.lotflow.release;

import java.math.BigDecimal;

/**
 * One measured value as a LIMS, an analyst's Tasklist form or the API reports it: the test's name in
 * the product's specification ({@code viscosity40C}) and the value in the specification's unit. A
 * value is judged exactly as reported, never rounded (see {@link LabVerdict}). {@code text}: an observation instead of
 * a number ("clear amber liquid", "Excellent"), for a test the specification records without limits only; null for a
 * number.
 */
public record Measurement(String test, BigDecimal value, String text) {

    /** A number. */
    public Measurement(String test, BigDecimal value) {
        this(test, value, null);
    }
}
