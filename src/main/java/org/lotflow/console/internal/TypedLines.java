package org.lotflow.console.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.input.InputRules;
import org.lotflow.shared.input.TypedNumbers;

/**
 * Lines a person types into one of the Console's text areas (source lots, a specification, a delivery's
 * lines): split at line ends, trimmed, empty ones skipped, each cut into its blank-separated parts and named
 * for a refusal as {@code line N '...'} (its first 80 characters), so every refusal says which line it is.
 */
final class TypedLines {

    /** A line that is not empty: its {@code where} for refusals, its parts and its text (trimmed). */
    record Line(String where, String[] parts, String text) {
    }

    private TypedLines() {
    }

    static List<Line> of(String text) {
        List<Line> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (!line.isEmpty()) {
                out.add(new Line("line " + (i + 1) + " '" + (line.length() > 80 ? line.substring(0, 80) + "…" : line)
                        + "'", line.split("\\s+"), line));
            }
        }
        return out;
    }

    /**
     * A quantity of the line, held to the API's rule ({@link InputRules#quantity}: more than 0, at most 3
     * decimals, never rounded); refused naming {@code field} and the line.
     */
    static BigDecimal quantity(String field, Line line, String text) {
        BigDecimal quantity = TypedNumbers.read(field, line.where(), text);
        String problem = InputRules.quantity(quantity, false);
        if (problem != null) {
            throw new InvalidInput(field, line.where() + ": the quantity " + problem);
        }
        return quantity;
    }
}
