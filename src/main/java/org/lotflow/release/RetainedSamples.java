package org.lotflow.release;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lotflow.product.SpecLimit;
import org.lotflow.release.LabVerdict.TestVerdict;
import org.lotflow.release.internal.LabJudgement;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.input.Decimals;
import org.lotflow.shared.input.InputRules;
import org.lotflow.shared.input.TypedNumbers;

/**
 * A held lot's retained-sample results as its investigator types them (the {@code investigateLot} form's
 * <i>Retained-sample results</i>: "one line per test of the lot's specification: the test = the retained sample's
 * value and unit"), read against the lot's product specification and judged as lab results are judged
 * ({@link LabJudgement#verdict}: one judge). The seed's investigation retests the retained samples and its disposition
 * rests on "Retained samples pass all tests"; a QA manager signed a RELEASE over a retained sample out of specification
 * that lotflow showed as unjudged text (new user 2026-12-07 N3; 21 CFR 211.165(a), 211.192; EU GMP Part I 6.35, 1.4
 * (xiv)). A plain rule: no Spring, no engine, no database.
 *
 * <ul>
 * <li>blank lines, {@code #} notes and a test with no value ({@code waterContent =}) are skipped: not every test need
 * be retested;</li>
 * <li>every other line is {@code test = value [unit]}: the test one of the specification's, given once; a number in
 * the digits 0-9 with a point for decimals ({@link TypedNumbers}, {@link InputRules#measuredValue}); a unit, if given,
 * the specification's (case aside); a test the specification records without limits takes an observation instead
 * ("appearance = clear amber liquid"), as lab results do;</li>
 * <li>refused with {@link InvalidInput} (400) naming {@value #FIELD} and the line.</li>
 * </ul>
 */
public final class RetainedSamples {

    /** The field the refusals name (the form's and the process variable's). */
    public static final String FIELD = "retainedSampleResults";

    /** What a hold recorded before lotflow judged retained samples shows instead of verdicts. */
    public static final String NOT_JUDGED = "not judged (recorded before lotflow judged retained samples)";

    /** A number and what follows it ("0.09 %", "249cSt"); what follows is the unit. */
    private static final Pattern NUMBER_AND_UNIT = Pattern.compile("([-+]?[0-9][0-9.,]*(?:[eE][-+]?[0-9]+)?)\\s*(.*)");

    private RetainedSamples() {
    }

    /** The verdicts of the retained samples, in the specification's order; empty when no value was given. */
    public record Judged(List<TestVerdict> verdicts) {

        /** Whether no retained sample fails its specification (a test without limits fails nothing). */
        public boolean passed() {
            return verdicts.stream().allMatch(TestVerdict::passed);
        }

        /**
         * One line per test as a QA person reads it, {@code waterContent = 0.09 % (≤ 0.05 %): FAIL}; "no
         * retained-sample value given" when there is none.
         */
        public String lines() {
            return String.join("\n", lineList());
        }

        /** {@link #lines()} as a list, one entry per test (a history event's detail: the Console lists them). */
        public List<String> lineList() {
            if (verdicts.isEmpty()) {
                return List.of("no retained-sample value given");
            }
            return verdicts.stream().map(t -> t.test() + " = " + t.valueText() + " (" + t.limits() + "): "
                    + t.result()).toList();
        }

        /** The failing tests against their limits, {@code waterContent 0.09 % > 0.05 %}; null when none fails. */
        public String failures() {
            List<String> out = new ArrayList<>();
            for (TestVerdict t : verdicts) {
                if (t.passed()) {
                    continue;
                }
                String u = t.unit() == null || t.unit().isBlank() ? "" : " " + t.unit();
                boolean above = t.max() != null && t.value().compareTo(t.max()) > 0;
                out.add(t.test() + " " + Decimals.text(t.value()) + u + (above ? " > " + Decimals.text(t.max())
                        : " < " + Decimals.text(t.min())) + u);
            }
            return out.isEmpty() ? null : String.join(", ", out);
        }
    }

    /**
     * The retained-sample results {@code text} of a lot of the product {@code sku} with the specification
     * {@code specs}, read and judged; an empty verdict for a blank text.
     *
     * @throws InvalidInput 400 naming {@value #FIELD} and the line that cannot be read
     */
    public static Judged judge(String sku, List<SpecLimit> specs, String text) {
        Map<String, SpecLimit> bySpec = new LinkedHashMap<>();
        specs.forEach(s -> bySpec.put(s.getTest(), s));
        Map<String, TestVerdict> judged = new LinkedHashMap<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        String[] lines = text == null ? new String[0] : text.split("\\r?\\n");
        for (int i = 0; i < lines.length; i++) {
            String where = "line " + (i + 1);
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInput(FIELD, where + " '" + line + "' is not 'test = value unit', one line per test"
                        + " (the tests of " + sku + ": " + String.join(", ", bySpec.keySet()) + ")");
            }
            String test = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            SpecLimit spec = bySpec.get(test);
            if (spec == null) {
                throw new InvalidInput(FIELD, where + ": '" + test + "' is not a test of " + sku + " (its tests: "
                        + String.join(", ", bySpec.keySet()) + ")");
            }
            if (value.isEmpty()) {
                continue; // a test not retested
            }
            Integer first = seen.putIfAbsent(test, i + 1);
            if (first != null) {
                throw new InvalidInput(FIELD, where + ": '" + test + "' is given twice (line " + first
                        + " gives it too); one value per test");
            }
            if (spec.getMin() == null && spec.getMax() == null && !value.matches("[-+.]?[\\p{Nd}].*")) {
                String observed;
                try {
                    observed = LabJudgement.observation(FIELD, FIELD, spec, value);
                } catch (InvalidInput e) {
                    throw new InvalidInput(FIELD, where + ": " + e.properties().get("reason"));
                }
                judged.put(test, LabJudgement.verdict(spec, null, observed));
                continue;
            }
            judged.put(test, LabJudgement.verdict(spec, number(where, spec, sku, value), null));
        }
        List<TestVerdict> ordered = new ArrayList<>();
        for (String test : bySpec.keySet()) {
            if (judged.containsKey(test)) {
                ordered.add(judged.get(test));
            }
        }
        return new Judged(List.copyOf(ordered));
    }

    /** The value of a line: a plain number, then the specification's unit if any is written. */
    private static BigDecimal number(String where, SpecLimit spec, String sku, String value) {
        Matcher m = NUMBER_AND_UNIT.matcher(value);
        String number = m.matches() ? m.group(1) : value;
        String unit = m.matches() ? m.group(2).strip() : "";
        BigDecimal read = TypedNumbers.read(FIELD, where + " (" + spec.getTest() + ")", number);
        String specUnit = spec.getUnit() == null ? "" : spec.getUnit().strip();
        // the unit as the specification writes it, capitals included: "Mg" is not "mg", "MS/cm" not "mS/cm" (re-test
        // 2026-12-07 24c F3); only runs of blanks are read as one
        if (!unit.isEmpty() && !unit.replaceAll("\\s+", " ").equals(specUnit.replaceAll("\\s+", " "))) {
            throw new InvalidInput(FIELD, where + ": '" + unit + "' is not the unit of " + spec.getTest()
                    + " in the specification of " + sku + (specUnit.isEmpty() ? " (it has none): write the number alone"
                            : " (" + specUnit + "): give the value in " + specUnit));
        }
        String why = InputRules.measuredValue(read);
        if (why != null) {
            throw new InvalidInput(FIELD, where + " (" + spec.getTest() + "): " + why);
        }
        return read;
    }
}
