package org.lotflow.recall.internal;

import java.time.Duration;
import java.util.Map;

import org.lotflow.recall.Classification;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long a customer notification may stay open before it is escalated to the QA managers, by
 * recall class. The BPMN timer reads it: {@code ${recallDeadlines.notifyWithin(classification)}}.
 */
@Component("recallDeadlines")
public class RecallDeadlines {

    private final Map<Classification, Duration> byClass;

    public RecallDeadlines(@Value("${lotflow.recall.notify-within.CLASS_I:PT24H}") Duration classI,
            @Value("${lotflow.recall.notify-within.CLASS_II:PT48H}") Duration classII,
            @Value("${lotflow.recall.notify-within.CLASS_III:PT72H}") Duration classIII) {
        this.byClass = Map.of(Classification.CLASS_I, classI, Classification.CLASS_II, classII,
                Classification.CLASS_III, classIII);
    }

    /** The deadline of a class; 48 hours for none. */
    public Duration of(Classification classification) {
        return byClass.getOrDefault(classification, Duration.ofHours(48));
    }

    /**
     * The moment every customer of a recall opened at {@code openedAt} is to be notified by: the opening plus its
     * class's deadline ({@link #notifyWithin}). An attempt that reached nobody and is tried again keeps it (auditor
     * 2026-12-06 F3: each attempt had a fresh 24 or 48 hours, so a customer never reached was never escalated).
     */
    public java.time.Instant notifyBy(String classification, java.time.Instant openedAt) {
        return openedAt.plus(Duration.parse(notifyWithin(classification)));
    }

    /** The ISO-8601 duration for the timer; 48 hours for an unknown class. */
    public String notifyWithin(String classification) {
        try {
            return of(Classification.valueOf(classification)).toString();
        } catch (RuntimeException e) {
            return Duration.ofHours(48).toString();
        }
    }
}
