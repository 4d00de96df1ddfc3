package org.lotflow.console.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.lotflow.product.ProductService;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.input.InputRules;
import org.lotflow.shared.input.TypedNumbers;

/**
 * A product's specification as a person types it into the Console's form: one test per line, its name, unit,
 * lower and upper limit separated by blanks, {@code -} for no limit or no unit ({@code viscosity cSt 245 255},
 * {@code flashPoint °C 220 -}, {@code viscosityIndex - 100 -}). A test name or a unit of several words is written with
 * a colon and a blank after the test's name ({@code water content: % - 0.5}, {@code acidNumber: mg KOH/g - 0.1}; a colon
 * within a word, as in the unit {@code w:w}, is the word's; new user 2026-12-06
 * U6): without it, a line of more than four words is refused, for it could be read two ways and a specification is
 * never changed once defined (new user 2026-12-07 F1: {@code water content % - 0.5} was recorded as test "water", unit
 * "content %"). Empty lines are skipped. Each line is held to the API's rules for
 * {@code specs[i]} (a test name of at most 100 characters, a unit of at most 32, limits as measured values: at
 * most 6 decimals, never rounded); a refusal names the field {@code specs} and the line. At most 100 tests.
 */
public final class SpecLines {

    private SpecLines() {
    }

    public static List<ProductService.SpecInput> parse(String text) {
        List<ProductService.SpecInput> out = new ArrayList<>();
        for (TypedLines.Line line : TypedLines.of(text)) {
            String where = line.where();
            // the colon that ends a test's name is followed by a blank: a unit may hold one ("w:w", re-test 2026-12-07 F8)
            java.util.regex.Matcher nameEnd = NAME_END.matcher(line.text());
            int colon = nameEnd.find() ? nameEnd.start() : -1;
            String name;
            String[] parts;
            if (colon >= 0) {
                // "water content: % - 0.5": the name up to the colon, then the unit's words and the two limits
                name = line.text().substring(0, colon).strip();
                String rest = line.text().substring(colon + 1).strip();
                parts = rest.isEmpty() ? new String[0] : rest.split("\\s+");
                if (name.isEmpty() || parts.length < 3) {
                    throw new InvalidInput("specs", where + " must be a test's name, a colon, its unit, its lower and"
                            + " its upper limit ('-' for none), e.g. water content: % - 0.5");
                }
            } else {
                parts = line.parts();
                if (parts.length < 4) {
                    throw new InvalidInput("specs", where + " must be a test, its unit, its lower and its upper limit"
                            + " ('-' for none), e.g. viscosity cSt 245 255, or viscosityIndex - 100 - without a"
                            + " unit");
                }
                if (parts.length > 4) {
                    throw new InvalidInput("specs", where + " has " + (parts.length - 2) + " words before its limits:"
                            + " say where the test's name ends with a colon, e.g. '" + parts[0] + " " + parts[1] + ": "
                            + String.join(" ", java.util.Arrays.copyOfRange(parts, 2, parts.length)) + "' for test '"
                            + parts[0] + " " + parts[1] + "', or '" + parts[0] + ": " + String.join(" ",
                                    java.util.Arrays.copyOfRange(parts, 1, parts.length)) + "' for unit '"
                            + String.join(" ", java.util.Arrays.copyOfRange(parts, 1, parts.length - 2)) + "'");
                }
                int inUnit = parts[1].indexOf(':');
                if (inUnit > 3) {
                    // "water content:% - 0.5": a name's colon typed without its blank, or a unit? a ratio unit is short
                    // before its colon (w:w, 1:10, mg:g); a word is a name (re-test 2026-12-07 N5)
                    throw new InvalidInput("specs", where + " reads two ways: say where the test's name ends with a"
                            + " colon and a blank, e.g. '" + parts[0] + " " + parts[1].substring(0, inUnit) + ": "
                            + parts[1].substring(inUnit + 1) + " " + parts[2] + " " + parts[3] + "' for test '"
                            + parts[0] + " " + parts[1].substring(0, inUnit) + "', or '" + parts[0] + ": "
                            + String.join(" ", java.util.Arrays.copyOfRange(parts, 1, parts.length)) + "' for unit '"
                            + parts[1] + "'");
                }
                name = parts[0];
                parts = java.util.Arrays.copyOfRange(parts, 1, parts.length);
            }
            // the unit is every word between the name and the two limits ("mg KOH/g")
            String unit = String.join(" ", java.util.Arrays.copyOfRange(parts, 0, parts.length - 2));
            parts = new String[] {name, unit, parts[parts.length - 2], parts[parts.length - 1]};
            if (parts[0].length() > 100) {
                throw new InvalidInput("specs", where + ": the test name must be at most 100 characters");
            }
            if (parts[1].length() > 32) {
                throw new InvalidInput("specs", where + ": the unit must be at most 32 characters");
            }
            // '-' for a test without a unit (a viscosity index, a count): no unit, not a unit "-" printed on the COA
            out.add(new ProductService.SpecInput(parts[0], parts[1].equals("-") ? null : parts[1],
                    limit(where, "lower", parts[2]),
                    limit(where, "upper", parts[3])));
        }
        if (out.size() > 100) {
            throw new InvalidInput("specs", "at most 100 tests, was " + out.size());
        }
        return out;
    }

    /** A colon followed by a blank: where a test's name of several words ends. */
    private static final java.util.regex.Pattern NAME_END = java.util.regex.Pattern.compile(":\\s");

    private static BigDecimal limit(String where, String which, String text) {
        if (text.equals("-")) {
            return null;
        }
        String notPlain = TypedNumbers.why(text);
        if (notPlain != null) {
            throw new InvalidInput("specs", where + ": the " + which + " limit " + notPlain + " ('-' for none)");
        }
        BigDecimal value = new BigDecimal(text);
        String problem = InputRules.measuredValue(value);
        if (problem != null) {
            throw new InvalidInput("specs", where + ": the " + which + " limit " + problem);
        }
        return value;
    }
}
