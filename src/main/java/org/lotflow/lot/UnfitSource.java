package org.lotflow.lot;

/**
 * A lot no longer fit for use that keeps another lot from being released: RECALLED (or recalled once, archived since:
 * {@code recalled_once}), held by QA ({@code QUARANTINE}, its disposition not yet decided) or REJECTED by QA (also when
 * archived since). Either a lot the other lot was made from, at any depth (21 CFR 211.84(e) and 211.87: a component
 * judged unfit, or whose fitness is in question, is not used; seed chapters "Quarantine" and "Recall"; audit 26b F2),
 * or, for a lot received PENDING from a supplier, a <em>sibling</em>: another lot of the same supplier lot
 * ({@link org.lotflow.lot.internal.SupplierLotRules#unfitSiblings}, the rule by which a new delivery of such a supplier
 * lot is received into quarantine; 21 CFR 211.84(a) and 211.87: a component's lot stays held until QA approves it, and
 * is re-examined when its fitness is in question). Nothing is released while such a lot concerns it
 * ({@link SourceLotUnfit}).
 *
 * @param lotNumber   the unfit lot's number
 * @param status      its status now (REJECTED for a lot archived since from REJECTED)
 * @param recalled    RECALLED now, or recalled once (archived since)
 * @param supplierLot null for a lot made into the other one; for a sibling, the supplier lot both are of ("supplier lot
 *                    AS-1 of Audit Supplies Ltd")
 * @param words       null for a lot made into the other one; for a sibling, what happened to it ("lot RAWA-2026-001
 *                    was REJECTED by QA (Contamination)")
 */
public record UnfitSource(String lotNumber, LotStatus status, boolean recalled, String supplierLot, String words) {

    /** A lot the other lot was made from. */
    public UnfitSource(String lotNumber, LotStatus status, boolean recalled) {
        this(lotNumber, status, recalled, null, null);
    }

    /** Another lot of the same supplier lot, not a lot the other one was made from. */
    public boolean sibling() {
        return supplierLot != null;
    }

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

    /**
     * Null, or why the siblings among {@code unfit} concern a lot: "lot RAWB-2026-002 is of supplier lot AS-1 of Audit
     * Supplies Ltd, of which lot RAWB-2026-001 was REJECTED by QA (Contamination)" ({@code subject} "lot
     * RAWB-2026-002", or "it"; {@link org.lotflow.lot.internal.SupplierLotRules#releaseSentence}).
     */
    public static String siblingsSentence(String subject, java.util.List<UnfitSource> unfit) {
        java.util.List<UnfitSource> siblings = unfit.stream().filter(UnfitSource::sibling).toList();
        return siblings.isEmpty() ? null : org.lotflow.lot.internal.SupplierLotRules.releaseSentence(subject,
                siblings.get(0).supplierLot(), siblings.stream().map(UnfitSource::words).toList());
    }
}
