package org.lotflow.recall.internal;

import org.lotflow.recall.internal.process.LotRecallProcess;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.StateConflict;
import org.springframework.stereotype.Component;

/**
 * Keeps a recall's waiting {@code closeRecall} form true to lotflow's records: when an answer or returns are recorded
 * after the form was made (a customer reached later, pallets that arrive while the recall waits for its closing), the
 * summary the QA manager reads before signing is built again from the recall's rows (new user 2026-12-06 M1: she
 * signed on figures from before the returns). Nothing happens when no closing form waits. And the closing is signed
 * only on the figures its form showed ({@link #requireFiguresAsShown}).
 */
@Component
public class ClosingForm {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ClosingForm.class);

    private final RecallQueries queries;
    private final LotRecallProcess process;
    private final RecallStore store;
    private final org.springframework.transaction.support.TransactionTemplate transaction;

    ClosingForm(RecallQueries queries, LotRecallProcess process, RecallStore store,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.queries = queries;
        this.process = process;
        this.store = store;
        this.transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
    }

    /**
     * At start-up, the closing forms already waiting show the figures and their version as they stand: a form made
     * before the version was shown (an upgrade) would otherwise send none back and could not be signed in Tasklist.
     * Idempotent, so several nodes starting together do no harm.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    public void refreshWaiting() {
        for (RecallStore.RecallRow recall : store.awaitingClose()) {
            try {
                transaction.executeWithoutResult(status -> refresh(recall));
            } catch (RuntimeException e) {
                // the form keeps what it showed; its signing then asks for a reload, which the next start repairs
                LOG.warn("The closing form of recall {} could not be brought up to date: {}", recall.recallNumber(),
                        e.toString());
            }
        }
    }

    /** {@link RecallQueries#receivedAtPlant}: what each customer sent back, for what is still at customers. */
    ReceivedAtPlant receivedAtPlant(long recallId) {
        return queries.receivedAtPlant(recallId);
    }

    /** {@link RecallQueries#receivedAgainstSaid}: for the signed closing's report. */
    java.util.List<java.util.Map<String, Object>> receivedAgainstSaid(long recallId) {
        return queries.receivedAgainstSaid(recallId);
    }

    /** Builds the closing summary of {@code recall} again, for its waiting {@code closeRecall} task if it has one. */
    void refresh(RecallStore.RecallRow recall) {
        process.refreshClosingSummary(recall.processInstanceId(), queries.closeSummary(recall.recallNumber(),
                recall.processInstanceId()));
    }

    /**
     * The closing is signed on the figures its signer read: {@code figuresShown}, the {@code figuresVersion} the form
     * showed, is required (400 naming it) and must be the current figures' (409 otherwise: returns or a later contact
     * were recorded since; nothing is signed). Re-test 2026-12-06 R3, N2: a form opened before them was signed on
     * figures other than those read, through Tasklist and through {@code /engine-rest} alike. {@code POST
     * /api/recalls/{n}/close} sends the version of the figures as they stand when it is called.
     */
    void requireFiguresAsShown(String recallNumber, String processInstanceId, RecallStore.RecallRow recall,
            Object figuresShown) {
        if (figuresShown == null) {
            throw new InvalidInput("figuresShown", "required: the figuresVersion the closing form showed, so the"
                    + " closing is signed on the figures read");
        }
        if (!(figuresShown instanceof String shown)) {
            throw new InvalidInput("figuresShown", "must be text");
        }
        if (!shown.equals(figuresVersion(recallNumber, processInstanceId))) {
            // said to Tasklist's form and to an /api call alike (auditor 2026-12-07 F4: a script was told to reload
            // a browser page)
            throw new StateConflict("The recall's figures changed since this closing form was opened or this closing"
                    + " was sent (returns or an answer were recorded meanwhile): read them again before signing (reload"
                    + " the form, or GET /api/recalls/" + recallNumber + ") and close once more; nothing was signed")
                    .with("recallStatus", recall.status());
        }
    }

    /** The version of the recall's closing figures as they stand ({@link RecallQueries#figuresVersion}). */
    String figuresVersion(String recallNumber, String processInstanceId) {
        return RecallQueries.figuresVersion(queries.closeSummary(recallNumber, processInstanceId));
    }
}
