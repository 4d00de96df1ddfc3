package org.lotflow.recall;

import org.lotflow.lot.LotStatus;
import org.lotflow.recall.internal.RecallScope;

/**
 * What a recall would do to a lot of its scope, for a preview before it starts (the recall module's own rule,
 * {@link RecallScope}): {@code RECALLED}, or {@code SKIPPED} with why (a PENDING lot never released, one already
 * recalled, a REJECTED or ARCHIVED one that stays so while its customers are notified). New user 2026-12-06 D9: the
 * Console's scope preview listed a PENDING lot like those to be recalled.
 */
public final class RecallPreview {

    private RecallPreview() {
    }

    /** {@code "RECALLED"} or {@code "SKIPPED: <why>"} for a lot of the scope in {@code status}. */
    public static String action(LotStatus status) {
        return RecallScope.recalls(status) ? "RECALLED" : "SKIPPED: " + RecallScope.skipNote(status, null);
    }
}
