package org.lotflow.recall;

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

    private final RecallService recalls;

    public RecallRequestedListener(RecallService recalls) {
        this.recalls = recalls;
    }

    @EventListener
    public void on(RecallRequested requested) {
        recalls.requestFromDisposition(requested.lotNumber(), requested.reason(), requested.classification(),
                requested.requestedBy());
    }
}
