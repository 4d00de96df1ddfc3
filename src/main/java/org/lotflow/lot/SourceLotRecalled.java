package org.lotflow.lot;

import java.util.List;

import org.lotflow.shared.StateConflict;

/**
 * 409: a lot made from recalled material is never released, also after the recalled lot is archived (its
 * {@code recalled_once} stays; auditor 2026-12-05 B9). A recall stops every lot of its scope that can be
 * stopped (RECALLED), but a lot still PENDING its lab release cannot become RECALLED; it stays in the recall's
 * scope with a note, and this refusal keeps it from ever being released (21 CFR 7.46 and 21 CFR 211.84(e):
 * a recalled component is not used; FSMA 204; EU GMP Part I 5.71 and Annex 16: the Qualified Person certifies a
 * batch only when its starting materials are fit for use; seed chapter "Recall"). Its release is refused instead
 * (the lot becomes REJECTED). Problem properties: {@code lotNumber} and {@code recalledSourceLots} (the RECALLED
 * lots it was made from, at any depth).
 *
 * <p>Checked by {@link LotService#requireNoRecalledSource} where a release is signed (before the signature is
 * written) and, whatever the path, by every status change to RELEASED, under the lot's row lock: a recall
 * opening locks its whole scope first, so a release and a recall of its source queue and the later one sees the
 * earlier one's result.
 */
public class SourceLotRecalled extends StateConflict {

    public SourceLotRecalled(String lotNumber, List<String> recalledSources) {
        super("Lot " + lotNumber + " cannot be released: it was made from " + (recalledSources.size() == 1
                ? "lot " + recalledSources.get(0) + ", which was" : "lots " + String.join(", ", recalledSources)
                        + ", which were") + " RECALLED. Refuse its release instead (the lot becomes REJECTED)");
        with("lotNumber", lotNumber).with("recalledSourceLots", recalledSources);
    }
}
