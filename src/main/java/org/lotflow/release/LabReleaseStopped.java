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
 * @param unfitSources  the lots it was made from, at any depth, that are not fit for use, each as "lot (why)", e.g.
 *                      "ARM-2025-005 (REJECTED)" (never empty)
 * @param anyRecalled   whether one of them is (or was) RECALLED
 * @param approvedBy    user id of the person who signed the release that is not carried out
 */
public record LabReleaseStopped(Long lotId, String lotNumber, List<String> unfitSources, boolean anyRecalled,
        String approvedBy) {

    public LabReleaseStopped {
        unfitSources = List.copyOf(unfitSources);
        if (unfitSources.isEmpty()) {
            throw new IllegalArgumentException("A release is stopped only by a source lot that is not fit for use");
        }
    }
}
