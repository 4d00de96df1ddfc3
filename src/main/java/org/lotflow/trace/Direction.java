package org.lotflow.trace;

import org.lotflow.shared.InvalidInput;

import java.util.Locale;

/** Which way a trace walks the genealogy: to the lots made from a lot, or to the lots it was made from. */
public enum Direction {
    DOWNSTREAM, UPSTREAM;

    /** The direction named by the query parameter (any case); downstream when absent; 400 otherwise. */
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

    /** The direction as the API writes it: {@code downstream} or {@code upstream}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
