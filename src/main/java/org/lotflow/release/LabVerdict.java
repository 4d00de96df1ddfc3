package org.lotflow.release;

import java.math.BigDecimal;
import java.util.List;

import org.lotflow.product.SpecLimit;

/**
 * The answer to a lot's lab results: each test of the product's specification with its value (in the
 * specification's unit), the limits it was judged against (copied when recorded, so a later change of
 * the specification does not rewrite the verdict) and whether it passed; the lot passes when every test
 * does. {@code round} is the test round (1: the original analysis; 2, 3, ...: retests allowed after a
 * phase I investigation found an assignable laboratory error, FDA OOS guidance); the verdict of a lot is
 * that of its latest round, earlier rounds stay on record. {@code recordedBy} is the analyst's user id,
 * the first pair of eyes of the release decision (21 CFR 211.22; EU GMP Annex 11 §14); {@code recordedAt} when the
 * round was recorded (left out where not known).
 */
public record LabVerdict(boolean passed, int round, String recordedBy, List<TestVerdict> results,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        java.time.Instant recordedAt) {

    /**
     * One test's verdict: the value lies within [min, max] (inclusive, either bound may be open); {@code text}: an
     * observation reported for a test without limits ("clear amber liquid"; {@code value} then null), else null.
     */
    public record TestVerdict(String test, BigDecimal value, String unit, BigDecimal min, BigDecimal max,
            boolean passed, @com.fasterxml.jackson.annotation.JsonInclude(
                    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String text) {

        /** A number's verdict. */
        public TestVerdict(String test, BigDecimal value, String unit, BigDecimal min, BigDecimal max,
                boolean passed) {
            this(test, value, unit, min, max, passed, null);
        }

        /**
         * The test's verdict in a word, as the certificate prints it: PASS or FAIL against its limits, REPORTED for a
         * test recorded without limits, which nothing judged ({@code passed} is then true: it fails nothing; auditor
         * 2026-12-06 F4: the answer read as if the observation had passed a check).
         */
        @com.fasterxml.jackson.annotation.JsonProperty("result")
        public String result() {
            return resultOf(min, max, passed);
        }

        /** The verdict in a word of a value with these limits: REPORTED without any, else PASS or FAIL. */
        public static String resultOf(BigDecimal min, BigDecimal max, boolean passed) {
            return min == null && max == null ? "REPORTED" : passed ? "PASS" : "FAIL";
        }

        /** The limits as a QA person reads them: "245 – 255 cSt", "≥ 220 °C", "≤ 0.1 %". */
        public String limits() {
            return new SpecLimit(test, unit, min, max).describe();
        }

        /** The value with its unit as written ("248 cSt", "8.0"), or "not measured". */
        public String valueText() {
            if (text != null) {
                return text;
            }
            return value == null ? "not measured"
                    : org.lotflow.shared.input.Decimals.text(value) + (unit == null || unit.isBlank() ? "" : " " + unit);
        }
    }

    /** The verdict of the original analysis (round 1) of these tests, recorded by {@code recordedBy}. */
    public static LabVerdict of(String recordedBy, List<TestVerdict> tests) {
        return of(1, recordedBy, tests);
    }

    /** The verdict of test round {@code round}: passed when there are tests and all pass. */
    public static LabVerdict of(int round, String recordedBy, List<TestVerdict> tests) {
        return of(round, recordedBy, null, tests);
    }

    /**
     * As {@link #of(int, String, List)}, with the instant the round was recorded ({@code recordedAt}: shown to whoever
     * signs on it, new user 2026-12-07 L4; null where not known).
     */
    public static LabVerdict of(int round, String recordedBy, java.time.Instant recordedAt, List<TestVerdict> tests) {
        return new LabVerdict(!tests.isEmpty() && tests.stream().allMatch(TestVerdict::passed), round, recordedBy,
                List.copyOf(tests), recordedAt);
    }

    /**
     * A short text for the forms: one line per test with its value, unit and limits,
     * {@code - PASS viscosity40C: 248 cSt (limits 245 – 255 cSt)}; failures in bold; a test without limits REPORTED.
     */
    public String summary() {
        return summary(java.util.function.UnaryOperator.identity());
    }

    /** {@link #summary()} with {@code escape} applied to every text of a user's (test names, values, limits). */
    public String summary(java.util.function.UnaryOperator<String> escape) {
        StringBuilder sb = new StringBuilder();
        for (TestVerdict t : results) {
            // a test recorded without limits is judged against nothing: REPORTED, never PASS (re-test 2026-12-06 c-F1)
            String result = t.result();
            sb.append("- ").append("FAIL".equals(result) ? "**FAIL**" : result).append(" ")
                    .append(escape.apply(t.test()))
                    .append(": ").append(escape.apply(t.valueText())).append(" (limits ")
                    .append(escape.apply(t.limits())).append(")\n");
        }
        return sb.toString();
    }

    /** The failed tests for a history reason: {@code flashPoint = 210, pourPoint (not measured)}, or "none". */
    public String failedTests() {
        return results.stream().filter(t -> !t.passed())
                .map(t -> t.test() + (t.value() == null ? " (not measured)" : " = "
                        + org.lotflow.shared.input.Decimals.text(t.value())))
                .reduce((a, b) -> a + ", " + b).orElse("none");
    }
}
