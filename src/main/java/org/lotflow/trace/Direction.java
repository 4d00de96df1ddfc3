package org.lotflow.trace;

import org.lotflow.shared.InvalidInput;

import java.util.Locale;


/** Which way a trace walks the genealogy: to the lots made from a lot, or to the lots it was made from. */
public enum Direction {
    DOWNSTREAM, UPSTREAM;

    public static Direction parse(String text) {
        if (text == null || text.isBlank()) {
            return DOWNSTREAM;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("direction", "'" + text + "' is not one of downstream, upstream");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
