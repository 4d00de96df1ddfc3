package org.lotflow.release;

import java.math.BigDecimal;

/**
 * One measured value as a LIMS, an analyst's Tasklist form or the API reports it: the test's name in
 * the product's specification ({@code viscosity40C}) and the value in the specification's unit. A
 * value is judged exactly as reported, never rounded (see {@link LabVerdict}).
 */
public record Measurement(String test, BigDecimal value) {
}
