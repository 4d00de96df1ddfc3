package org.lotflow.release;

import java.math.BigDecimal;
import java.util.List;

/** The answer to a set of lab results: each test's verdict and the overall one. */
public record LabVerdict(boolean passed, String recordedBy, List<TestVerdict> results) {

    public record TestVerdict(String test, BigDecimal value, String unit, BigDecimal min, BigDecimal max,
            boolean passed) {
    }

    static LabVerdict of(List<LabResult> results) {
        List<TestVerdict> tests = results.stream().map(r -> new TestVerdict(r.getTest(), r.getValue(), r.getUnit(),
                r.getMin(), r.getMax(), r.isPassed())).toList();
        return new LabVerdict(!tests.isEmpty() && tests.stream().allMatch(TestVerdict::passed),
                results.isEmpty() ? null : results.get(0).getRecordedBy(), tests);
    }

    /** A short text for the approver's form: one line per test. */
    String summary() {
        StringBuilder sb = new StringBuilder();
        for (TestVerdict t : results) {
            sb.append("- ").append(t.passed() ? "PASS" : "**FAIL**").append(" ").append(t.test()).append(": ")
                    .append(t.value() == null ? "not measured" : t.value().stripTrailingZeros().toPlainString())
                    .append(t.unit() == null ? "" : " " + t.unit()).append('\n');
        }
        return sb.toString();
    }
}
