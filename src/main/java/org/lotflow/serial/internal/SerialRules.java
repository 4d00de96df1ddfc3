package org.lotflow.serial.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.lotflow.product.ProductService;
import org.lotflow.shared.InvalidInput;

/**
 * The rules of serial numbers, without Spring or database (issue #16): a serial is 1 to 20 letters, digits, '-',
 * '_' or '.' (the characters a lot number pattern allows outside its placeholders; 20 is GS1's limit for AI 21,
 * the serial of an SGTIN); a list names each serial once; a serialised lot holds whole units, one serial each.
 */
public final class SerialRules {

    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9._-]+");

    private SerialRules() {
    }

    /** Why {@code serial} is not a serial number, or null when it is one. */
    public static String problem(String serial) {
        if (serial == null || serial.isEmpty()) {
            return "must not be empty";
        }
        if (serial.length() > ProductService.MAX_SERIAL_LENGTH) {
            return "'" + serial + "' is " + serial.length() + " characters long; a serial has at most "
                    + ProductService.MAX_SERIAL_LENGTH;
        }
        if (!SERIAL.matcher(serial).matches()) {
            return "'" + serial + "' may only contain letters, digits, '-', '_' and '.'";
        }
        return null;
    }

    /**
     * Checks a list of serials sent as {@code field}: 1 to {@code max} of them (400 naming {@code field}), each a
     * serial (400 naming {@code field[i]}), none twice, whatever its case (400 naming the repetition {@code field[j]}).
     */
    public static void checkList(List<String> serials, String field, int max) {
        if (serials == null || serials.isEmpty()) {
            throw new InvalidInput(field, "must list at least one serial");
        }
        if (serials.size() > max) {
            throw new InvalidInput(field, "lists " + serials.size() + " serials; at most " + max + " per request");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < serials.size(); i++) {
            String problem = problem(serials.get(i));
            if (problem != null) {
                throw new InvalidInput(field + "[" + i + "]", problem);
            }
            // serials differing only in case are one serial to anyone reading a label (V122; auditor F4)
            Integer first = seen.putIfAbsent(serials.get(i).toUpperCase(java.util.Locale.ROOT), i);
            if (first != null) {
                throw new InvalidInput(field + "[" + i + "]", "serial '" + serials.get(i) + "' is listed twice (also "
                        + field + "[" + first + "])");
            }
        }
    }

    /**
     * The number of units in {@code quantity} of a serialised product: a whole number from 1 to {@code max} (400
     * naming {@code field} otherwise: a fraction of a serialised unit has no serial, and more than {@code max}
     * units in one lot is refused rather than cut).
     */
    public static int wholeUnits(BigDecimal quantity, String field, String sku, int max) {
        BigDecimal units = quantity.stripTrailingZeros();
        if (units.scale() > 0) {
            throw new InvalidInput(field, "is " + quantity.toPlainString() + ", but product " + sku + " is serialised:"
                    + " its lots hold whole units, one serial each");
        }
        if (units.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new InvalidInput(field, "is " + units.toPlainString() + " units; a lot of serialised product " + sku
                    + " holds at most " + max + " (lotflow.serials.max-per-lot)");
        }
        return units.intValueExact();
    }
}
