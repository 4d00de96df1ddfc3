package org.lotflow.release.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lotflow.product.SpecLimit;
import org.lotflow.release.LabVerdict.TestVerdict;
import org.lotflow.release.Measurement;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.input.InputRules;

/**
 * The lab verdict against a product's specification (the seed, "Lab release": every test of the
 * specification is judged; 21 CFR 211.165: a batch is released only when it conforms to its
 * specification). A plain rule: no Spring, no engine, no database.
 *
 * <ul>
 * <li>every test of the specification gets a verdict, in the specification's order;</li>
 * <li>incomplete results are refused as incomplete (400 naming {@code results} and every test of the
 * specification without a value), never judged as failed: a forgotten line must not reject a lot
 * (issue #12; contract: an incomplete lab result never rejects a lot by itself);</li>
 * <li>a value passes when it lies within the limit, bounds inclusive ({@link SpecLimit#accepts});</li>
 * <li>a test the specification records without limits takes a number or an observation ({@link Measurement#text}:
 * one line of visible text, at most {@value #MAX_TEXT} characters), judged against nothing (REPORTED); a test with
 * limits takes a number only (400 naming {@code results[i].value});</li>
 * <li>refused with {@link InvalidInput} (400) naming {@code results[i].test} or {@code results[i].value}:
 * no measurements at all, a blank test name, a test the specification does not know, a test reported
 * twice, a missing value, a value outside lotflow's measured-value rule ({@link InputRules#measuredValue}:
 * never stored rounded, never judged unrounded).</li>
 * </ul>
 */
public final class LabJudgement {

    /** The longest observation lotflow keeps for a test recorded without limits. */
    public static final int MAX_TEXT = 200;

    private LabJudgement() {
    }

    /**
     * The verdict of each test of {@code specs} (of the product {@code sku}, named in refusals) for these
     * measurements.
     */
    public static List<TestVerdict> judge(String sku, List<SpecLimit> specs, List<Measurement> measurements) {
        Map<String, SpecLimit> byTest = new LinkedHashMap<>();
        specs.forEach(s -> byTest.put(s.getTest(), s));
        Set<String> known = byTest.keySet();
        if (measurements == null || measurements.isEmpty()) {
            // the form's template sent back untouched ("viscosity40C =" with no values) reads as no results: say which
            // values are wanted, as for one missing value (new user's U4)
            throw new InvalidInput("results", known.isEmpty() ? "must contain at least one result"
                    : "no result was given: every test of the specification of " + sku + " " + known
                            + " needs a value");
        }
        Map<String, BigDecimal> measured = new LinkedHashMap<>();
        Map<String, String> observed = new LinkedHashMap<>();
        for (int i = 0; i < measurements.size(); i++) {
            Measurement m = measurements.get(i);
            String field = "results[" + i + "]";
            if (m == null || m.test() == null || m.test().isBlank()) {
                throw new InvalidInput(field + ".test", "must not be empty");
            }
            if (!known.contains(m.test())) {
                // the API keeps test names exact; it names the nearest test as the form does (new user 28 M4)
                String nearest = LabResultsText.nearest(m.test(), known);
                throw new InvalidInput(field + ".test", "'" + m.test()
                        + "' is not a test of the specification of " + sku + " " + known
                        + (nearest == null ? "" : ", did you mean " + nearest + "?"));
            }
            if (m.text() != null && m.value() != null) {
                throw new InvalidInput(field + ".text", "give a number (value) or an observation (text), not both");
            }
            if (m.text() != null) {
                // an observation: only for a test recorded without limits, whose value nothing is judged against (F1)
                String text = observation(field + ".value", field + ".text", byTest.get(m.test()), m.text());
                if (measured.containsKey(m.test())) {
                    throw new InvalidInput(field + ".test", "'" + m.test() + "' is reported twice");
                }
                observed.put(m.test(), text);
                measured.put(m.test(), null);
                continue;
            }
            if (m.value() == null) {
                throw new InvalidInput(field + ".value", "must be a number");
            }
            InputRules.require(field + ".value", InputRules.measuredValue(m.value()));
            if (measured.containsKey(m.test())) {
                throw new InvalidInput(field + ".test", "'" + m.test() + "' is reported twice");
            }
            measured.put(m.test(), m.value());
        }
        List<String> missing = known.stream().filter(test -> !measured.containsKey(test)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInput("results", "incomplete: no result for " + String.join(", ", missing)
                    + "; every test of the specification of " + sku + " " + known + " needs a value");
        }
        List<TestVerdict> verdicts = new ArrayList<>();
        for (SpecLimit spec : specs) {
            BigDecimal value = measured.get(spec.getTest());
            String text = observed.get(spec.getTest());
            verdicts.add(verdict(spec, value, text));
        }
        return verdicts;
    }

    /**
     * The verdict of one test: a value within the limit passes ({@link SpecLimit#accepts}); an observation
     * ({@code text}, for a test without limits) is judged against nothing (REPORTED). The one judge of lab results and
     * of a held lot's retained samples ({@link org.lotflow.release.RetainedSamples}).
     */
    public static TestVerdict verdict(SpecLimit spec, BigDecimal value, String text) {
        return new TestVerdict(spec.getTest(), value, spec.getUnit(), spec.getMin(), spec.getMax(),
                text != null || spec.accepts(value), text);
    }

    /**
     * An observation for {@code spec}, stripped: only for a test recorded without limits (else 400 naming
     * {@code valueField}: its value is a number), one line of 1 to {@value #MAX_TEXT} visible characters that does
     * not begin like a number (400 naming {@code textField}).
     */
    public static String observation(String valueField, String textField, SpecLimit spec, String observed) {
        if (spec.getMin() != null || spec.getMax() != null) {
            throw new InvalidInput(valueField, "'" + observed + "' is not a number: " + spec.getTest()
                    + " is judged against " + spec.describe() + ", so its value is a number");
        }
        String text = observed.strip();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw new InvalidInput(textField, "an observation is 1 to " + MAX_TEXT + " characters");
        }
        // a line of visible text, not a name: "particles < 5 μm" mixes Latin and the Greek mu (auditor F8)
        InputRules.require(textField, InputRules.line(text));
        if (text.matches("[-+.]?[\\p{Nd}].*")) {
            // read as a number in Tasklist too: one reading, one kind of record (auditor 2026-12-06 F13)
            throw new InvalidInput(textField, "'" + text + "' begins like a number: give a reading as"
                    + " value (a number), as Tasklist reads it; an observation begins with words");
        }
        return text;
    }
}
