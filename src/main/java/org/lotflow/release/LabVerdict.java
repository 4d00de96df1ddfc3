package org.lotflow.release;

import java.math.BigDecimal;
import java.util.List;

/**
 * The answer to a lot's lab results: each test of the product's specification with its value (in the
 * specification's unit, null when not measured), the limits it was judged against (copied when
 * recorded, so a later change of the specification does not rewrite the verdict) and whether it
 * passed; the lot passes when every test does. {@code recordedBy} is the analyst's user id, the first
 * pair of eyes of the release decision (21 CFR 211.22; EU GMP Annex 11 §14).
 */
public record LabVerdict(boolean passed, String recordedBy, List<TestVerdict> results) {

    /** One test's verdict: the value lies within [min, max] (inclusive, either bound may be open). */
    public record TestVerdict(String test, BigDecimal value, String unit, BigDecimal min, BigDecimal max,
            boolean passed) {
    }

    /** The verdict of these tests, recorded by {@code recordedBy}: passed when there are tests and all pass. */
    public static LabVerdict of(String recordedBy, List<TestVerdict> tests) {
        return new LabVerdict(!tests.isEmpty() && tests.stream().allMatch(TestVerdict::passed), recordedBy,
                List.copyOf(tests));
    }

    /** A short text for the approver's form: one line per test, {@code - PASS test: value unit}. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        for (TestVerdict t : results) {
            sb.append("- ").append(t.passed() ? "PASS" : "**FAIL**").append(" ").append(t.test()).append(": ")
                    .append(t.value() == null ? "not measured" : t.value().stripTrailingZeros().toPlainString())
                    .append(t.unit() == null ? "" : " " + t.unit()).append('\n');
        }
        return sb.toString();
    }

    /** The failed tests for a history reason: {@code flashPoint = 210, pourPoint (not measured)}, or "none". */
    public String failedTests() {
        return results.stream().filter(t -> !t.passed())
                .map(t -> t.test() + (t.value() == null ? " (not measured)" : " = " + t.value().stripTrailingZeros()
                        .toPlainString()))
                .reduce((a, b) -> a + ", " + b).orElse("none");
    }
}
