package org.lotflow.trace.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.lotflow.shared.InvalidInput;

/**
 * The query of {@code GET /api/traceability/fsma204?lot=&from=&to=}, checked before anything is read: a lot
 * number (its trace, both directions), a date range, or both (the lot's trace within the range); at least one
 * of them. Dates are ISO ({@code 2025-01-28}), both ends included. With a lot, an end left out is open. Without
 * one, the range needs its first day ({@code from}), ends {@code today} when {@code to} is left out, and spans at
 * most {@value #MAX_RANGE_DAYS} days (the records of a range are gathered before they are sorted and written: a
 * plant's whole history in one answer would not fit; ask for it year by year). A plain rule: no Spring, no
 * database. Refusals are 400 naming the parameter ({@link InvalidInput}).
 *
 * @param lot the lot number, or null for every lot
 * @param from the first day, or null for no lower bound
 * @param to the last day, or null for no upper bound
 */
public record Fsma204Query(String lot, LocalDate from, LocalDate to) {

    /** The earliest date of an open range (the database's dates start there). */
    public static final LocalDate OPEN_FROM = LocalDate.of(1900, 1, 1);
    /** The latest date of an open range. */
    public static final LocalDate OPEN_TO = LocalDate.of(9999, 12, 31);

    /** The longest date range without a lot, in days (both ends included). */
    public static final int MAX_RANGE_DAYS = 366;

    /** The query of the request's parameters, as of {@code today} (the business date). */
    public static Fsma204Query of(String lot, String from, String to, LocalDate today) {
        String number = lot == null || lot.isBlank() ? null : lot.trim();
        if (number != null && number.length() > 64) {
            throw new InvalidInput("lot", "must be a lot number of at most 64 characters");
        }
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (number == null && first == null && last == null) {
            throw new InvalidInput("lot", "give a lot number (its trace, both directions) or a date range (from, to,"
                    + " year-month-day, e.g. 2025-01-28), or both");
        }
        if (number == null && first == null) {
            throw new InvalidInput("from", "give the first day of the date range (year-month-day, e.g. 2025-01-28), or a lot");
        }
        if (number == null && last == null) {
            last = today;
        }
        if (first != null && last != null && last.isBefore(first)) {
            throw new InvalidInput("to", "must not be before from (" + first + ")");
        }
        if (number == null && first.plusDays(MAX_RANGE_DAYS).isBefore(last.plusDays(1))) {
            throw new InvalidInput("to", "the range from " + first + " to " + last + " is longer than "
                    + MAX_RANGE_DAYS + " days; ask for it in parts, or for a lot");
        }
        return new Fsma204Query(number, first, last);
    }

    /** The range's first day, {@link #OPEN_FROM} when open. */
    public LocalDate fromOrOpen() {
        return from == null ? OPEN_FROM : from;
    }

    /** The range's last day, {@link #OPEN_TO} when open. */
    public LocalDate toOrOpen() {
        return to == null ? OPEN_TO : to;
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate date = org.lotflow.shared.input.InputRules.isoDate(text.trim());
            if (date.isBefore(OPEN_FROM) || date.isAfter(OPEN_TO)) {
                throw new InvalidInput(field, "must be a date between " + OPEN_FROM + " and " + OPEN_TO);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "'" + text + "' is not a date; write it year-month-day, e.g. 2025-01-28");
        }
    }
}
