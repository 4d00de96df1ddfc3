package org.lotflow.recall.internal;

import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.StateConflict;
import org.springframework.stereotype.Component;

/**
 * The recall's {@code closeRecall} form and its signing: the form shows the recall's figures ({@code recallSummary})
 * and their version ({@code figuresVersion}) as they stand when it is read ({@code CloseRecallListener}, live), so
 * answers, returns and disposals recorded after the task was made are in what the QA manager reads before signing
 * (new user 2026-12-06 M1; re-test 27 R1: the rejection's disposal of the lot's other stock left the form showing the
 * old figure and its version, so every signature was refused). And the closing is signed only on the figures its
 * form showed ({@link #requireFiguresAsShown}), compared with the version of the same figures as they stand then.
 */
@Component
public class ClosingForm {

    private final RecallQueries queries;

    ClosingForm(RecallQueries queries) {
        this.queries = queries;
    }

    /** {@link RecallQueries#receivedAtPlant}: what each customer sent back, for what is still at customers. */
    ReceivedAtPlant receivedAtPlant(long recallId) {
        return queries.receivedAtPlant(recallId);
    }

    /** {@link RecallQueries#receivedAgainstSaid}: for the signed closing's report. */
    java.util.List<java.util.Map<String, Object>> receivedAgainstSaid(long recallId) {
        return queries.receivedAgainstSaid(recallId);
    }

    /**
     * The closing is signed on the figures its signer read: {@code figuresShown}, the {@code figuresVersion} the form
     * showed, is required (400 naming it) and must be the current figures' (409 otherwise: returns, a later contact or a
     * disposal of the lot's other stock were recorded since; nothing is signed). The form shows the version of the
     * figures as they stand when it is read, taken of the same text ({@link #figuresVersion}), so a form read again
     * is signed on. Re-test 2026-12-06 R3, N2: a form opened before them was signed on
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
