package org.lotflow.drill.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A drill's number, {@code MR-{yyyy}-{seq:4}} (issue #14: per year of the drill's start, never handed
 * out twice): {@code MR-2025-0001}. Sequences beyond 9999 print with more digits, never cut.
 */
record DrillNumber(int year, int seq) {

    private static final Pattern FORMAT = Pattern.compile("^MR-(\\d{4})-(\\d{4,9})$");

    DrillNumber {
        if (year < 1000 || year > 9999 || seq < 1) {
            throw new IllegalArgumentException("no drill number for year " + year + " and sequence " + seq);
        }
    }

    /** The number as printed. */
    @Override
    public String toString() {
        return String.format("MR-%04d-%04d", year, seq);
    }

    /** Whether a text has the shape of a drill number (the path of {@code /api/mock-recalls/{n}}). */
    static boolean isWellFormed(String text) {
        return text != null && parse(text) != null;
    }

    /** The number a text spells, or null when it spells none. */
    static DrillNumber parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            return null;
        }
        int seq = Integer.parseInt(m.group(2));
        return seq < 1 ? null : new DrillNumber(Integer.parseInt(m.group(1)), seq);
    }
}
