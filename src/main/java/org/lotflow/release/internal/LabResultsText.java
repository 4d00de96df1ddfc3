package org.lotflow.release.internal;

import org.lotflow.shared.InvalidInput;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.lotflow.product.SpecLimit;
import org.lotflow.release.Measurement;

/**
 * The lab-results field of the Tasklist form: one line per test, {@code test = value}. Blank
 * lines, {@code #} comments and lines with no value are skipped (the test then counts as not
 * measured). A decimal comma is read as a decimal point ({@code 248,5}); a comma followed by exactly
 * three digits ({@code 1,250}) could be a thousands separator and is refused rather than guessed. A test the
 * specification records without limits takes an observation instead of a number ({@code appearance = clear amber
 * liquid}).
 * Refusals are 400 naming {@code labResults} and the line.
 */
public final class LabResultsText {

    private LabResultsText() {
    }

    /** The form's pre-filled text: one {@code test = } line per test of the specification. */
    public static String template(List<SpecLimit> specs) {
        StringBuilder sb = new StringBuilder();
        for (SpecLimit s : specs) {
            sb.append(s.getTest()).append(" = \n");
        }
        return sb.toString();
    }

    /** The measurements typed into the form; 400 naming {@code labResults} and the line when unreadable. */
    public static List<Measurement> parse(String text) {
        return parse(text, null, null);
    }

    /**
     * The measurements typed into the form for a product {@code sku} whose specification has the tests
     * {@code specs}: a line naming another test is refused first, as the analyst reads it ("line 2:
     * 'colour' is not a test of HC-100 (its tests: viscosity40C, flashPoint)"), before its value is read.
     */
    public static List<Measurement> parse(String text, String sku, List<SpecLimit> specs) {
        java.util.Map<String, SpecLimit> bySpec = new java.util.LinkedHashMap<>();
        if (specs != null) {
            specs.forEach(s -> bySpec.put(s.getTest(), s));
        }
        java.util.Set<String> known = specs == null ? null : bySpec.keySet();
        List<Measurement> out = new ArrayList<>();
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        String[] lines = text.split("\\r?\\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInput("labResults", "line " + (i + 1) + " '" + line + "' is not 'test = value'");
            }
            String test = line.substring(0, eq).trim();
            String value = line.substring(eq + 1).trim();
            if (known != null && !known.contains(test)) {
                throw new InvalidInput("labResults", "line " + (i + 1) + ": '" + test + "' is not a test of " + sku
                        + " (its tests: " + String.join(", ", known) + ")");
            }
            if (value.isEmpty()) {
                continue;
            }
            Integer first = seen.putIfAbsent(test, i + 1);
            if (first != null) {
                // named as the analyst sees it, not as the API's results[1].test (auditor 2026-12-06 C-j)
                throw new InvalidInput("labResults", "line " + (i + 1) + ": '" + test + "' is given twice (line "
                        + first + " gives it too); one value per test");
            }
            SpecLimit spec = bySpec.get(test);
            // an observation only when it does not begin like a number: "1e5", "5 score", ".5" and other digits stay
            // numbers, read or refused as for any test (re-test 2026-12-06 c-F2: one reading gave two records)
            if (spec != null && spec.getMin() == null && spec.getMax() == null
                    && !value.matches("[-+.]?[\\p{Nd}].*")) {
                // a test recorded without limits takes an observation ("clear amber liquid"; new user 2026-12-06 F1)
                out.add(new Measurement(test, null, value));
                continue;
            }
            if (value.matches("[-+]?[0-9.,]+[eE][-+]?[0-9]+")) {
                // the value as the analyst read it, not a computation of it (ALCOA: original; auditor 2026-12-06 C-j)
                throw new InvalidInput("labResults", "line " + (i + 1) + ": '" + value + "' is in exponent notation:"
                        + " write the value in plain digits as read, e.g. 220 or 0.0025");
            }
            if (value.matches("[-+]?[0-9]+([.,][0-9]+)?\\s*\\p{L}.*") || value.matches("[-+]?[0-9]+([.,][0-9]+)?\\s*[%°].*")) {
                // "248 cSt", as the specification above the field shows it (new user 2026-12-06 F-a)
                throw new InvalidInput("labResults", "line " + (i + 1) + ": '" + value + "' is not a number: write the"
                        + " number alone, without its unit (the specification gives the unit)");
            }
            if (value.chars().anyMatch(c -> c > '~')) {
                // BigDecimal reads every script's digits: a Bengali 4 looks like an 8 (auditor 2026-12-06 B4)
                throw new InvalidInput("labResults", "line " + (i + 1) + ": '" + value + "' is not a number written"
                        + " with the digits 0-9");
            }
            if (value.matches("[-+]?\\d{1,3},\\d{3}") || (value.contains(",") && value.contains("."))) {
                throw new InvalidInput("labResults", "line " + (i + 1) + ": '" + value + "' is ambiguous (a"
                        + " thousands separator or a decimal comma?); write it without grouping, e.g. 1250 or 1.25");
            }
            try {
                out.add(new Measurement(test, new BigDecimal(value.replace(',', '.'))));
            } catch (NumberFormatException e) {
                throw new InvalidInput("labResults", "line " + (i + 1) + ": '" + value + "' is not a number");
            }
        }
        return out;
    }
}
