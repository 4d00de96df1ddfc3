package org.lotflow.quarantine.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotViewContributor;
import org.lotflow.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Shows a lot's latest hold and its investigation in {@code GET /api/lots/{lotNumber}}: {@code hold}
 * (source, reason, who placed it and when, the impact while it is active) and {@code investigation}
 * (process instance, stage, due date, overdue, findings and the signed disposition), and {@code earlierHolds}, the
 * lot's holds before it, the latest first, each with its source, reason, reference, who placed it and when, when it
 * closed, the findings and root cause, and the signed {@code disposition} as the investigation's (new user 2026-12-07 F18: a lot held again lost its
 * first hold and its release from view, where QA must see a repeat complaint). Absent values are left out. Nothing for
 * a lot that was never held.
 *
 * <p>A signed disposition ({@code investigation.disposition}, {@code dispositionNotCarriedOut}, an earlier hold's
 * {@code disposition}) shows its signature as the lot's hash-chained history recorded it ({@link HoldSignatures}):
 * {@code signedBy} (user id), {@code signedByName} (the printed name signed with, not the signer's current name),
 * {@code signedAt} (UTC) and {@code meaning} ("quarantine disposition: RELEASE"); never {@code lot_hold.decided_by}
 * or {@code decided_at}, which an edit of the table would change (auditor sig28 H1, M1, M2; 21 CFR 11.50, 11.70).
 */
@Component
class HoldLotView implements LotViewContributor {

    private final QuarantineQueries queries;
    private final CurrentUser users;
    private final org.lotflow.history.LotHistory history;

    HoldLotView(QuarantineQueries queries, CurrentUser users, org.lotflow.history.LotHistory history) {
        this.queries = queries;
        this.users = users;
        this.history = history;
    }

    @Override
    public Map<String, Object> contribute(Lot lot) {
        Hold h = queries.latest(lot.getId());
        if (h == null) {
            return null;
        }
        java.util.List<org.lotflow.history.RecordedSignature> signatures = history.signatures(lot.getId(),
                org.lotflow.quarantine.QuarantineEventTypes.DISPOSITION_SIGNED);
        HoldSignatures.Signed signed = HoldSignatures.of(h, signatures);
        Map<String, Object> hold = new LinkedHashMap<>();
        hold.put("active", h.isActive());
        hold.putAll(placed(h));
        if (h.isActive()) {
            hold.put("impact", queries.impact(lot));
        }
        Map<String, Object> investigation = new LinkedHashMap<>();
        investigation.put("processInstanceId", h.getProcessInstanceId());
        investigation.put("stage", h.getStage().name());
        investigation.put("decisionDueAt", h.getDecisionDueAt());
        investigation.put("overdue", h.getOverdueAt() != null);
        investigation.put("findings", h.getFindings());
        investigation.put("rootCause", h.getRootCause());
        investigation.put("retainedSampleResults", h.getRetainedSampleResults());
        investigation.put("retainedSampleVerdicts", h.getRetainedSampleVerdicts());
        investigation.put("investigatedBy", h.getInvestigatedBy());
        investigation.put("investigatedAt", h.getInvestigatedAt());
        investigation.put("disposition", disposition(h, signed.disposition()));
        investigation.put("dispositionNotCarriedOut", notCarriedOut(h, signed.notCarriedOut()));
        investigation.values().removeIf(Objects::isNull);
        hold.values().removeIf(Objects::isNull);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hold", hold);
        out.put("investigation", investigation);
        java.util.List<Map<String, Object>> earlier = queries.earlier(h).stream()
                .map(e -> earlier(e, HoldSignatures.of(e, signatures).disposition())).toList();
        if (!earlier.isEmpty()) {
            out.put("earlierHolds", earlier);
        }
        return out;
    }

    /** A hold's trigger and placing: source, reason, reference, who placed it (id and name), when; when it closed. */
    private Map<String, Object> placed(Hold h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", h.getSource().name());
        m.put("reason", h.getReason());
        m.put("reference", h.getReference());
        m.put("placedBy", h.getPlacedBy());
        m.put("placedByName", users.fullName(h.getPlacedBy()));
        m.put("placedAt", h.getPlacedAt());
        m.put("closedAt", h.getClosedAt());
        return m;
    }

    private Map<String, Object> earlier(Hold e, org.lotflow.history.RecordedSignature signature) {
        Map<String, Object> m = placed(e);
        m.put("findings", e.getFindings());
        m.put("rootCause", e.getRootCause());
        m.put("disposition", disposition(e, signature));
        m.values().removeIf(Objects::isNull);
        return m;
    }

    /**
     * The hold's last signed disposition that was not carried out (a RELEASE whose source lot became unfit for use after
     * the signature; re-test 27 R3): decision, who signed and when, when and why it was not carried out; or null.
     */
    private Map<String, Object> notCarriedOut(Hold h, org.lotflow.history.RecordedSignature signature) {
        if (h.getNotCarriedOutDecision() == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        Disposition signed = HoldSignatures.decision(signature);
        m.put("decision", (signed != null ? signed : h.getNotCarriedOutDecision()).name());
        putSignature(m, signature);
        m.put("notCarriedOutAt", h.getNotCarriedOutAt());
        m.put("reason", h.getNotCarriedOutReason());
        m.values().removeIf(Objects::isNull);
        return m;
    }

    /**
     * A hold's signed disposition (decision, justification, classification, and its signature as recorded: who signed,
     * the printed name, when, the meaning), or null. What was signed is read from the signature's event too
     * ({@code detail.decision}, {@code detail.classification}, the justification as its {@code reason}), never from
     * {@code lot_hold}'s columns, which an edit would change (re-test N3); the row's only for a hold whose history
     * holds no signature.
     */
    private Map<String, Object> disposition(Hold h, org.lotflow.history.RecordedSignature signature) {
        if (h.getDecision() == null) {
            return null;
        }
        Map<String, Object> disposition = new LinkedHashMap<>();
        Disposition signed = HoldSignatures.decision(signature);
        disposition.put("decision", (signed != null ? signed : h.getDecision()).name());
        disposition.put("justification", signature != null ? signature.reason() : h.getJustification());
        disposition.put("classification", signature != null ? signature.detailText("classification")
                : h.getClassification());
        putSignature(disposition, signature);
        disposition.values().removeIf(Objects::isNull);
        return disposition;
    }

    /**
     * The signature as the history recorded it: {@code signedBy}, {@code signedByName}, {@code signedAt},
     * {@code meaning}; nothing when the history holds none for the hold (a record made before signatures were kept).
     */
    private static void putSignature(Map<String, Object> m, org.lotflow.history.RecordedSignature signature) {
        if (signature == null) {
            return;
        }
        m.put("signedBy", signature.userId());
        m.put("signedByName", signature.fullName());
        m.put("signedAt", signature.at());
        m.put("meaning", signature.meaning());
    }
}
