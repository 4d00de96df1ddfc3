package org.lotflow.console.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.lotflow.lot.Receiving;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.input.InputRules;

/**
 * The lines of a supplier's delivery as a person types them into the Console's receipt form: one line per
 * expiration date, the quantity, the expiration date and optionally the manufacture date, separated by blanks
 * ({@code 3000 2027-01-10 2025-01-10}). Empty lines are skipped. Each line is held to the rules of
 * {@code POST /api/receipts}' {@code lines[i]} (a quantity more than 0 with at most 3 decimals, never rounded;
 * ISO dates); a refusal names the field {@code lines} and the line. At least one line, at most 100, as the API
 * accepts. The date rules between lines and dates (one expiration date per line, none before the receipt) are
 * the receipt use case's own, and refused by it.
 */
public final class ReceiptLines {

    private ReceiptLines() {
    }

    public static List<Receiving.ReceiptLine> parse(String text) {
        List<Receiving.ReceiptLine> out = new ArrayList<>();
        for (TypedLines.Line line : TypedLines.of(text)) {
            String where = line.where();
            String[] parts = line.parts();
            if (parts.length < 2 || parts.length > 3) {
                throw new InvalidInput("lines", where + " must be a quantity, an expiration date and optionally a"
                        + " manufacture date, e.g. 3000 2027-01-10 2025-01-10");
            }
            BigDecimal quantity = TypedLines.quantity("lines", line, parts[0]);
            out.add(new Receiving.ReceiptLine(quantity, date(where, "expiration date", parts[1]),
                    parts.length == 3 ? date(where, "manufacture date", parts[2]) : null));
        }
        if (out.isEmpty()) {
            throw new InvalidInput("lines", "a delivery needs at least one line: a quantity and its expiration date");
        }
        if (out.size() > 100) {
            throw new InvalidInput("lines", "at most 100 lines, was " + out.size());
        }
        return out;
    }

    private static LocalDate date(String where, String what, String text) {
        LocalDate date;
        try {
            date = InputRules.isoDate(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("lines", where + ": the " + what + " '" + text + "' is not a date (yyyy-mm-dd)");
        }
        String problem = InputRules.businessDate(date);
        if (problem != null) {
            throw new InvalidInput("lines", where + ": the " + what + " " + problem);
        }
        return date;
    }
}
