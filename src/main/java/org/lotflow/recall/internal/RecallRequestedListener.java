package org.lotflow.recall.internal;

import org.lotflow.quarantine.RecallRequested;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The hand-over from a quarantine disposition of RECALL: a recall of that lot is opened and
 * {@code lotRecall} started synchronously, in the disposition's transaction (if the recall is
 * refused, the disposition rolls back with it).
 */
@Component
public class RecallRequestedListener {

    private final RecallOpening opening;

    public RecallRequestedListener(RecallOpening opening) {
        this.opening = opening;
    }

    @EventListener
    public void on(RecallRequested requested) {
        opening.requestFromDisposition(requested.lotNumber(), requested.reason(), requested.classification(),
                requested.requestedBy());
    }
}
