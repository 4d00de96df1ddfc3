package org.lotflow.recall;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lotflow.recall.internal.RecallOpening;
import org.lotflow.recall.internal.RecallQueries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Recalls for other modules' screens (the Console): the very use cases of {@code POST /api/recalls}
 * ({@link RecallOpening#request}: recall coordinators only, 403 for anyone else; 400 naming {@code lots},
 * {@code reason} or {@code classification}; 404 for an unknown lot; 409 for a lot that cannot be recalled or a
 * genealogy deeper than the trace bound) and {@code GET /api/recalls/{recallNumber}} (any business group;
 * 404 for an unknown recall). The view is the API's JSON answer as a tree of maps and lists (dates as ISO
 * text), so a screen shows exactly what the API answers.
 */
@Service
public class Recalls {

    private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() {
    };

    /** The meaning of a QA manager's signature on a recall's closing (21 CFR 11.50(a)(3)). */
    public static final String CLOSING_MEANING = "recall closure";

    /**
     * Whether goods of a lot of a recall's scope that customers send back are received under that recall
     * ({@code POST /api/recalls/{n}/received-returns}): a lot it recalled ({@code action} RECALLED), and a lot it kept
     * REJECTED (its customers are notified too, and what they send back is the rejected lot's stock until the
     * recall's closing disposes of it; auditor 2026-12-07 F1). Decided by how the recall took the lot, as its scope
     * recorded it ({@code recall_lot}), never by the lot's later status (auditor 26b F3: a lot the open recall took
     * and that was ARCHIVED afterwards still takes its goods back under it). Not a lot that was ARCHIVED when the
     * recall reached it (its records were closed) nor one another recall recalled (its goods come back under that
     * recall).
     *
     * @param action the lot's action in the recall's scope (RECALLED or SKIPPED)
     * @param previousStatus the lot's status when the recall reached it ({@code previousStatus} of the scope)
     */
    public static boolean receivesReturns(String action, String previousStatus) {
        return "RECALLED".equals(action) || "REJECTED".equals(previousStatus);
    }

    /**
     * {@link #receivesReturns(String, String)}, and a lot the recall found RECALLED by an earlier recall that is
     * CLOSED now ({@code earlierRecallOpen} false): the customers this recall notified of it send their goods back
     * under it, since the closed recall takes nothing more (auditor 26b F9: such goods could be received under
     * neither). While the earlier recall is open they are received under that one.
     */
    public static boolean receivesReturns(String action, String previousStatus, boolean earlierRecallOpen) {
        return receivesReturns(action, previousStatus)
                || "SKIPPED".equals(action) && "RECALLED".equals(previousStatus) && !earlierRecallOpen;
    }

    private final org.lotflow.recall.internal.ReturnReceipts receipts;
    private final RecallOpening opening;
    private final RecallQueries queries;
    private final ObjectMapper json;
    private final String targetEffectiveness;
    private final org.lotflow.recall.internal.RecallReturns returns;
    private final org.lotflow.recall.internal.RecallDeadlines deadlines;

    public Recalls(RecallOpening opening, RecallQueries queries, ObjectMapper json,
            @Value("${lotflow.recall.target-effectiveness:A}") String targetEffectiveness,
            org.lotflow.recall.internal.RecallReturns returns, org.lotflow.recall.internal.ReturnReceipts receipts,
            org.lotflow.recall.internal.RecallDeadlines deadlines) {
        this.returns = returns;
        this.deadlines = deadlines;
        this.receipts = receipts;
        this.opening = opening;
        this.queries = queries;
        this.json = json;
        this.targetEffectiveness = targetEffectiveness;
    }

    /**
     * Checks what a recall would be opened with, as {@link #open} checks it first, and nothing else: no lot is
     * read, nothing changes (a form showing a recall's scope before it starts). 400 naming the first field at
     * fault ({@code lots[i]}, {@code reason}, {@code classification}).
     */
    public void check(List<String> lotNumbers, String reason, String classification) {
        org.lotflow.recall.internal.RecallRequest.of(lotNumbers, reason, classification);
    }

    /** Opens a recall of the named lots (their downstream trace is its scope); its number. */
    public String open(List<String> lotNumbers, String reason, String classification) {
        return opening.request(lotNumbers, reason, classification).recallNumber();
    }

    /**
     * Records returns that come after a customer's answer, as {@code POST /api/recalls/{recallNumber}/returns} does
     * ({@link org.lotflow.recall.internal.RecallReturns#record}: recall coordinators and QA managers; 400 naming the
     * field; 409 for a customer not answered or not reached, or a closed recall).
     */
    public void recordReturns(String recallNumber, String customer, String unit, java.math.BigDecimal quantityReturned,
            java.math.BigDecimal quantityDestroyed, String note) {
        returns.record(recallNumber, customer, unit, quantityReturned, quantityDestroyed, note);
    }

    /**
     * Receives a recalled lot's goods a customer sent back, as {@code POST /api/recalls/{recallNumber}/received-returns}
     * does ({@link org.lotflow.recall.internal.ReturnReceipts#receive}: recall coordinators and QA managers; 400 naming
     * the field; 409 once the recall is closed or its closing signed).
     */
    public void receiveReturns(String recallNumber, String lotNumber, String customer, java.math.BigDecimal quantity,
            java.time.LocalDate receivedOn, String reference, List<String> serials) {
        receipts.receive(recallNumber, lotNumber, customer, quantity, receivedOn, reference, serials);
    }

    /** The recall as {@code GET /api/recalls/{recallNumber}} answers it. */
    public Map<String, Object> view(String recallNumber) {
        return json.convertValue(queries.view(recallNumber), TREE);
    }

    /**
     * The FDA effectiveness check level (A best, E worst; 21 CFR 7.42(b)(3)) a recall should reach before
     * it closes without a justification ({@code lotflow.recall.target-effectiveness}).
     */
    public String targetEffectiveness() {
        return targetEffectiveness;
    }

    /**
     * The moment every customer of a recall of {@code classification} opened at {@code openedAt} is to be notified
     * by ({@code lotflow.recall.notify-within}; past it a customer's notification escalates to the QA managers).
     */
    public java.time.Instant notifyBy(String classification, java.time.Instant openedAt) {
        return deadlines.notifyBy(classification, openedAt);
    }
}
