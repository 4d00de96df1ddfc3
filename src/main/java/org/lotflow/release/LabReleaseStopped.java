package org.lotflow.release;

import java.util.List;

/**
 * Published, inside the release job's transaction, when a signed release of a lot is not carried out because
 * material the lot was made from became RECALLED, held in QUARANTINE or REJECTED after the signature (service task
 * {@code holdLot} of {@code lotRelease}, reached by the boundary error {@code SOURCE_LOT_RECALLED} on
 * {@code releaseLot}; audit 26b F2: a held or rejected source is treated as a recalled one). The lot is still PENDING;
 * the quarantine module holds it (source {@code RECALLED_MATERIAL}, or {@code UNFIT_MATERIAL} when no source is
 * recalled) and starts its {@code quarantineInvestigation}, so a QA manager's signed disposition decides its fate
 * (FSMA 204; 21 CFR 211.84(e), 211.87; 21 CFR 211.192: a discrepancy is investigated, the lot is not left waiting).
 *
 * @param lotId         the lot's id
 * @param lotNumber     the lot's number (the process's business key)
 * <p>Also published when the lot, received PENDING from a supplier, meets a sibling found unfit after the signature:
 * another lot of its supplier lot RECALLED, REJECTED or held by QA ({@code siblings}; the rule that receives a new
 * delivery of such a supplier lot into quarantine, {@code org.lotflow.lot.internal.SupplierLotRules}; 21 CFR 211.84(a),
 * 211.87). The lot is held, source {@code UNFIT_MATERIAL}: it is not made from the sibling, so not "made from recalled
 * material".
 *
 * @param unfitSources  the lots it was made from, at any depth, that are not fit for use, each as "lot (why)", e.g.
 *                      "ARM-2025-005 (REJECTED)" (empty only when {@code siblings} says why)
 * @param anyRecalled   whether one of them is (or was) RECALLED
 * @param approvedBy    user id of the person who signed the release that is not carried out
 * @param siblings      null, or why the lot's siblings concern it: "lot RAWB-2026-002 is of supplier lot AS-1 of Audit
 *                      Supplies Ltd, of which lot RAWB-2026-001 was REJECTED by QA (Contamination)"
 * @param siblingLots   the numbers of those siblings (empty when none)
 */
public record LabReleaseStopped(Long lotId, String lotNumber, List<String> unfitSources, boolean anyRecalled,
        String approvedBy, String siblings, List<String> siblingLots) {

    public LabReleaseStopped {
        unfitSources = List.copyOf(unfitSources);
        siblingLots = List.copyOf(siblingLots);
        if (unfitSources.isEmpty() && siblings == null) {
            throw new IllegalArgumentException("A release is stopped only by a source lot or a sibling lot that is"
                    + " not fit for use");
        }
    }
}
