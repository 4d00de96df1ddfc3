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
 * Refusals are 400 naming {@code labResults}: every bad line at once, in line order, each with its line ("line 1: 'abc'
 * is not a number; line 4: ..."; new user 28 M4). A test written in other capitals is the product's test when exactly
 * one matches ({@code viscosity40c} is recorded as {@code viscosity40C}); an unknown name is refused with the nearest
 * test, when one is near ("did you mean viscosity40C?").
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
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\\r?\\n");
        for (int i = 0; i < lines.length; i++) {
            String problem = read(lines[i], i, sku, bySpec, known, seen, out);
            if (problem != null) {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            // every bad line at once, in line order (new user 28 M4: one per attempt took five round trips)
            throw new InvalidInput("labResults", String.join("; ", problems));
        }
        return out;
    }

    /** Reads line {@code i} into {@code out}; its problem as a sentence, or null when it is read or skipped. */
    private static String read(String raw, int i, String sku, java.util.Map<String, SpecLimit> bySpec,
            java.util.Set<String> known, java.util.Map<String, Integer> seen, List<Measurement> out) {
        {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                return null;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                return ("line " + (i + 1) + " '" + line + "' is not 'test = value'");
            }
            String test = line.substring(0, eq).trim();
            String value = line.substring(eq + 1).trim();
            if (known != null && !known.contains(test)) {
                // another spelling of exactly one test is that test, recorded under the product's spelling
                List<String> sameLetters = known.stream().filter(k -> k.equalsIgnoreCase(test)).toList();
                if (sameLetters.size() == 1) {
                    return read(sameLetters.get(0) + " = " + line.substring(eq + 1), i, sku, bySpec, known, seen, out);
                }
                String nearest = nearest(test, known);
                return ("line " + (i + 1) + ": '" + test + "' is not a test of " + sku
                        + " (its tests: " + String.join(", ", known) + ")" + (nearest == null ? "" : ", did you mean "
                        + nearest + "?"));
            }
            if (value.isEmpty()) {
                return null;
            }
            Integer first = seen.putIfAbsent(test, i + 1);
            if (first != null) {
                // named as the analyst sees it, not as the API's results[1].test (auditor 2026-12-06 C-j)
                return ("line " + (i + 1) + ": '" + test + "' is given twice (line "
                        + first + " gives it too); one value per test");
            }
            SpecLimit spec = bySpec.get(test);
            // an observation only when it does not begin like a number: "1e5", "5 score", ".5" and other digits stay
            // numbers, read or refused as for any test (re-test 2026-12-06 c-F2: one reading gave two records)
            if (spec != null && spec.getMin() == null && spec.getMax() == null
                    && !value.matches("[-+.]?[\\p{Nd}].*")) {
                // a test recorded without limits takes an observation ("clear amber liquid"; new user 2026-12-06 F1)
                out.add(new Measurement(test, null, value));
                return null;
            }
            if (value.matches("[-+]?[0-9.,]+[eE][-+]?[0-9]+")) {
                // the value as the analyst read it, not a computation of it (ALCOA: original; auditor 2026-12-06 C-j)
                return ("line " + (i + 1) + ": '" + value + "' is in exponent notation:"
                        + " write the value in plain digits as read, e.g. 220 or 0.0025");
            }
            if (value.matches("[-+]?[0-9]+([.,][0-9]+)?\\s*\\p{L}.*") || value.matches("[-+]?[0-9]+([.,][0-9]+)?\\s*[%°].*")) {
                // "248 cSt", as the specification above the field shows it (new user 2026-12-06 F-a)
                return ("line " + (i + 1) + ": '" + value + "' is not a number: write the"
                        + " number alone, without its unit (the specification gives the unit)");
            }
            if (value.chars().anyMatch(c -> c > '~')) {
                // BigDecimal reads every script's digits: a Bengali 4 looks like an 8 (auditor 2026-12-06 B4)
                return ("line " + (i + 1) + ": '" + value + "' is not a number written"
                        + " with the digits 0-9");
            }
            if (value.matches("[-+]?\\d{1,3},\\d{3}") || (value.contains(",") && value.contains("."))) {
                return ("line " + (i + 1) + ": '" + value + "' is ambiguous (a"
                        + " thousands separator or a decimal comma?); write it without grouping, e.g. 1250 or 1.25");
            }
            try {
                out.add(new Measurement(test, new BigDecimal(value.replace(',', '.'))));
                return null;
            } catch (NumberFormatException e) {
                return ("line " + (i + 1) + ": '" + value + "' is not a number");
            }
        }
    }

    /**
     * The test of {@code known} nearest to {@code typed} by edit distance, ignoring capitals, when it is near enough to
     * be a slip (at most a third of the name's letters, and at least one, differ), or null; of two equally near, none.
     */
    static String nearest(String typed, java.util.Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String k : known) {
            int d = distance(typed.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance) {
                tie = true;
            }
        }
        return best == null || tie || bestDistance > Math.max(1, best.length() / 3) ? null : best;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
