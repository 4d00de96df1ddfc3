package org.lotflow.console.internal.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.springframework.stereotype.Component;

/**
 * How the Console writes times and quantities (templates call it as {@code @consoleFormat}): times in the
 * plant's zone ({@code lotflow.zone}, the clock's) with the zone named, e.g. {@code 2025-01-28 14:03 UTC};
 * quantities as exact decimals without trailing zeros, never rounded ({@code 150.5}, not {@code 150.500}).
 */
@Component("consoleFormat")
public class ConsoleFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    public ConsoleFormat(Clock clock) {
        this.zone = clock.getZone();
    }

    /** An instant (or its ISO text, as the API's JSON has it) in the plant's zone; "" for none. */
    public String time(Object value) {
        Instant at = instant(value);
        return at == null ? (value == null ? "" : value.toString())
                : TIME.format(at.atZone(zone)) + " " + zone.getId();
    }

    /** A quantity as an exact decimal; "" for none. */
    public String qty(Object value) {
        if (value == null) {
            return "";
        }
        BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    /** A date as ISO text; "" for none. */
    public String date(Object value) {
        return value == null ? "" : value instanceof LocalDate d ? d.toString() : value.toString();
    }

    /** The plant's zone id. */
    public String zone() {
        return zone.getId();
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof String s && !s.isEmpty()) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }
}
