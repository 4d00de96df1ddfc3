package org.lotflow.release;

import java.util.List;

/**
 * Published, inside the release job's transaction, when a signed release of a lot is not carried out because
 * material the lot was made from became RECALLED after the signature (service task {@code holdLot} of
 * {@code lotRelease}, reached by the boundary error {@code SOURCE_LOT_RECALLED} on {@code releaseLot}). The lot is
 * still PENDING; the quarantine module holds it (source {@code RECALLED_MATERIAL}) and starts its
 * {@code quarantineInvestigation}, so a QA manager's signed disposition decides its fate (FSMA 204; 21 CFR 211.192:
 * a discrepancy is investigated, the lot is not left waiting).
 *
 * @param lotId           the lot's id
 * @param lotNumber       the lot's number (the process's business key)
 * @param recalledSources lot numbers of the RECALLED lots it was made from, at any depth (never empty)
 * @param approvedBy      user id of the person who signed the release that is not carried out
 */
public record LabReleaseStopped(Long lotId, String lotNumber, List<String> recalledSources, String approvedBy) {

    public LabReleaseStopped {
        recalledSources = List.copyOf(recalledSources);
        if (recalledSources.isEmpty()) {
            throw new IllegalArgumentException("A release is stopped only by a RECALLED source lot");
        }
    }
}
