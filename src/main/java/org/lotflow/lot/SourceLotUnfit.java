package org.lotflow.lot;

import java.util.ArrayList;
import java.util.List;

import org.lotflow.shared.StateConflict;

/**
 * 409: a lot made from material that is not fit for use is never released ({@link UnfitSource}: RECALLED, also after
 * the recalled lot is archived, its {@code recalled_once} staying; auditor 2026-12-05 B9; held by QA in QUARANTINE;
 * REJECTED by QA; audit 26b F2). A recall stops every lot of its scope that can be stopped (RECALLED), but a lot still
 * PENDING its lab release cannot become RECALLED; it stays in the recall's scope with a note, and this refusal keeps it
 * from ever being released. A hold or a rejection of a source lot reaches nothing downstream by itself, so this refusal
 * is what keeps material QA judged unfit (REJECTED), or whose fitness QA is still investigating (QUARANTINE), out of a
 * released lot (21 CFR 211.84(e) and 211.87: a component is used only while approved; 21 CFR 7.46; FSMA 204; EU GMP
 * Part I 5.71 and Annex 16: the Qualified Person certifies a batch only when its starting materials are fit for use;
 * seed chapters "Quarantine" and "Recall"). Its release is refused instead (the lot becomes REJECTED), or, for a held
 * source only, waits for that hold's disposition. Problem properties: {@code lotNumber}, {@code unfitSourceLots} (each
 * "lot (why)"), {@code recalledSourceLots}, {@code heldSourceLots} and {@code rejectedSourceLots} (lot numbers, at any
 * depth), and {@code unfitSiblingLots} (each "lot (why)"): for a lot received PENDING from a supplier, the other lots
 * of its supplier lot RECALLED (or recalled once), REJECTED (also archived since) or held by QA now, by the rule that
 * receives a new delivery of such a supplier lot into quarantine ({@link org.lotflow.lot.internal.SupplierLotRules};
 * 21 CFR 211.84(a), 211.87). Those are not sources, and the sentence says "it is of supplier lot AS-1 of ..., of
 * which lot Y was REJECTED by QA", never "made from".
 *
 * <p>Checked by {@link LotService#requireFitSources} where a release is signed (lab approval, out-of-specification
 * release, quarantine disposition RELEASE; before the signature is written) and, whatever the path, by every status
 * change to RELEASED, under the lot's row lock: a recall opening locks its whole scope first, so a release and a
 * recall of its source queue and the later one sees the earlier one's result (a hold locks only its own lot: a hold
 * committing at the very moment of a release finds the released lot named in its impact assessment).
 */
public class SourceLotUnfit extends StateConflict {

    public SourceLotUnfit(String lotNumber, List<UnfitSource> unfit) {
        super(sentence(lotNumber, unfit));
        List<UnfitSource> madeFrom = unfit.stream().filter(u -> !u.sibling()).toList();
        with("lotNumber", lotNumber)
                .with("unfitSourceLots", madeFrom.stream().map(UnfitSource::described).toList())
                .with("recalledSourceLots", madeFrom.stream().filter(UnfitSource::recalled).map(UnfitSource::lotNumber)
                        .toList())
                .with("heldSourceLots", madeFrom.stream().filter(UnfitSource::held).map(UnfitSource::lotNumber)
                        .toList())
                .with("rejectedSourceLots", madeFrom.stream().filter(UnfitSource::rejected)
                        .map(UnfitSource::lotNumber).toList())
                .with("unfitSiblingLots", unfit.stream().filter(UnfitSource::sibling).map(UnfitSource::described)
                        .toList());
    }

    /**
     * "Lot L cannot be released: it was made from lot X, which was RECALLED. Refuse its release instead (the lot
     * becomes REJECTED)", with a group for each kind of unfit source; for a received lot's siblings "it is of supplier
     * lot AS-1 of Audit Supplies Ltd, of which lot Y was REJECTED by QA (Contamination)"
     * ({@link org.lotflow.lot.internal.SupplierLotRules#releaseSentence}); a lot concerned only by held material
     * waits for the hold's disposition.
     */
    static String sentence(String lotNumber, List<UnfitSource> unfit) {
        List<UnfitSource> madeFrom = unfit.stream().filter(u -> !u.sibling()).toList();
        List<UnfitSource> siblings = unfit.stream().filter(UnfitSource::sibling).toList();
        List<String> groups = new ArrayList<>();
        group(groups, madeFrom.stream().filter(UnfitSource::recalled).map(UnfitSource::lotNumber).toList(),
                "was RECALLED", "were RECALLED");
        group(groups, madeFrom.stream().filter(UnfitSource::held).map(UnfitSource::lotNumber).toList(),
                "QA holds in QUARANTINE (its disposition is not decided)",
                "QA holds in QUARANTINE (their disposition is not decided)");
        group(groups, madeFrom.stream().filter(UnfitSource::rejected).map(UnfitSource::lotNumber).toList(),
                "QA REJECTED", "QA REJECTED");
        List<String> why = new ArrayList<>();
        if (!groups.isEmpty()) {
            why.add("it was made from " + String.join("; and from ", groups));
        }
        if (!siblings.isEmpty()) {
            why.add(UnfitSource.siblingsSentence("it", siblings));
        }
        boolean onlyHeld = unfit.stream().allMatch(UnfitSource::held);
        return "Lot " + lotNumber + " cannot be released: " + String.join("; and ", why)
                + (onlyHeld ? ". Its release waits for QA's disposition of the held lot: once that lot is released"
                        + " again this release can be signed; if it is rejected or recalled, refuse this release"
                        + " (the lot becomes REJECTED)" : ". Refuse its release instead (the lot becomes REJECTED)");
    }

    private static void group(List<String> groups, List<String> lots, String one, String many) {
        if (!lots.isEmpty()) {
            groups.add(lots.size() == 1 ? "lot " + lots.get(0) + ", which " + one
                    : "lots " + String.join(", ", lots) + ", which " + many);
        }
    }
}
