package org.lotflow.lot;

/**
 * A lot that another lot was made from (at any depth) and that is no longer fit for use: RECALLED (or recalled once,
 * archived since: {@code recalled_once}), held by QA ({@code QUARANTINE}, its disposition not yet decided) or
 * REJECTED by QA. Nothing made from such a lot is released ({@link SourceLotUnfit}; 21 CFR 211.84(e) and 211.87: a
 * component judged unfit, or whose fitness is in question, is not used; seed chapters "Quarantine" and "Recall";
 * audit 26b F2).
 *
 * @param lotNumber the source lot's number
 * @param status    its status now
 * @param recalled  RECALLED now, or recalled once (archived since)
 */
public record UnfitSource(String lotNumber, LotStatus status, boolean recalled) {

    /** Held by QA now (QUARANTINE), and not recalled. */
    public boolean held() {
        return !recalled && status == LotStatus.QUARANTINE;
    }

    /** REJECTED by QA, and not recalled. */
    public boolean rejected() {
        return !recalled && status == LotStatus.REJECTED;
    }

    /** "ARM-2025-005 (REJECTED)": the lot and why it is unfit, for a list. */
    public String described() {
        return lotNumber + " (" + (recalled ? "RECALLED" : held() ? "held in QUARANTINE" : "REJECTED") + ")";
    }
}
