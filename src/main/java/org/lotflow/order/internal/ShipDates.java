package org.lotflow.order.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Whether a lot could have left the plant on a ship date, by its status history: not before the day it was first
 * released, and not on a day it spent wholly outside RELEASED (on hold in QUARANTINE, say) between leaving RELEASED and
 * being released again. The day a hold began or ended is the lot's as well (it was released part of that day): the
 * shipment may be recorded on it. Re-test 2026-12-06 R4: a rule "not before its last release" refused the true date
 * of a shipment made before a later hold. A plain rule: no Spring, no database.
 */
public final class ShipDates {

    private ShipDates() {
    }

    /** One change of the lot's status: when, from what, to what (its {@code STATUS_CHANGED} history, in order). */
    public record Change(Instant at, String from, String to) {
    }

    /**
     * Why lot {@code lotNumber} cannot have shipped on {@code date} ({@code changes} in the order they happened; days
     * in {@code zone}); empty when it may have. A lot never released has no answer here (the shipment's other rules
     * refuse it).
     */
    public static Optional<String> notShippableOn(String lotNumber, LocalDate date, List<Change> changes, ZoneId zone) {
        Change firstRelease = changes.stream().filter(c -> "RELEASED".equals(c.to())).findFirst().orElse(null);
        if (firstRelease == null) {
            return Optional.empty();
        }
        LocalDate released = LocalDate.ofInstant(firstRelease.at(), zone);
        if (date.isBefore(released)) {
            return Optional.of("must not be before " + released + ", the day lot " + lotNumber + " was released"
                    + " (it cannot have left before)");
        }
        for (int i = 0; i < changes.size(); i++) {
            Change left = changes.get(i);
            if (!"RELEASED".equals(left.from()) || "RELEASED".equals(left.to())) {
                continue;
            }
            Change back = null;
            for (int j = i + 1; j < changes.size() && back == null; j++) {
                if ("RELEASED".equals(changes.get(j).to())) {
                    back = changes.get(j);
                }
            }
            LocalDate from = LocalDate.ofInstant(left.at(), zone);
            LocalDate to = back == null ? null : LocalDate.ofInstant(back.at(), zone);
            if (date.isAfter(from) && (to == null || date.isBefore(to))) {
                String held = "QUARANTINE".equals(left.to()) ? "on hold (QUARANTINE)" : left.to();
                return Optional.of("must not be a day lot " + lotNumber + " was " + held + " all day (from "
                        + from + (to == null ? "" : " until it was released again on " + to) + "): it did not leave"
                        + " the plant then");
            }
        }
        return Optional.empty();
    }
}
