package org.lotflow.console.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each customer's notification deadline of a recall: the recall's opening plus its classification's
 * notification window ({@code notifyWithin}, {@code lotflow.recall.notify-within}: 24 h for class I, 48 h
 * for II, 72 h for III by default; past it {@code notifyCustomer} escalates to the QA managers). A customer
 * not yet notified past the deadline is {@code overdue}.
 */
public final class NotificationDeadline {

    private NotificationDeadline() {
    }

    /** A customer's deadline and whether it has passed unanswered. */
    public record Deadline(Instant due, boolean overdue) {
    }

    /**
     * The deadlines by customer and unit (key {@code customer|unit}: a customer that received several units has a
     * notification for each), from the recall's view as the API answers it ({@code openedAt} ISO instant,
     * {@code notifyWithin} ISO duration, {@code customers[].customer}, {@code customers[].unit},
     * {@code customers[].notified}); empty when the recall gives no window.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Deadline> of(Map<String, Object> recall, Instant now) {
        Map<String, Deadline> out = new LinkedHashMap<>();
        Object opened = recall.get("openedAt");
        Object within = recall.get("notifyWithin");
        if (opened == null || within == null) {
            return out;
        }
        Instant due = Instant.parse(opened.toString()).plus(Duration.parse(within.toString()));
        for (Map<String, Object> c : (List<Map<String, Object>>) recall.getOrDefault("customers", List.of())) {
            boolean notified = Boolean.TRUE.equals(c.get("notified"));
            out.put(c.get("customer") + "|" + c.get("unit"), new Deadline(due, !notified && now.isAfter(due)));
        }
        return out;
    }
}
