package org.lotflow.archive.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.lotflow.lot.RetentionRule;
import org.lotflow.quarantine.OpenHolds;
import org.lotflow.recall.LotRecalls;
import org.springframework.stereotype.Component;

/**
 * The other lotflow work that keeps lots past their retention in the active set (auditor 26b F3): the recalls not
 * CLOSED whose scope holds them ({@link LotRecalls#inOpenRecalls}) and their open holds ({@link OpenHolds}), each
 * lot's reason in words ({@link RetentionRule#keptActiveBy}). Read in the caller's transaction: under the lots' row
 * locks at archive time, a recall opened meanwhile (it locks its scope's lots first) is seen.
 */
@Component
class OpenLotWork {

    private final LotRecalls recalls;
    private final OpenHolds holds;

    OpenLotWork(LotRecalls recalls, OpenHolds holds) {
        this.recalls = recalls;
        this.holds = holds;
    }

    /** Why each of the lots (by id; null: every lot) is kept active, for those some work keeps. */
    Map<Long, String> of(Collection<Long> lotIds) {
        Map<Long, List<String>> open = recalls.inOpenRecalls(lotIds);
        Map<Long, String> held = holds.of(lotIds);
        Map<Long, String> why = new LinkedHashMap<>();
        for (Long id : new TreeSet<>(union(open.keySet(), held.keySet()))) {
            why.put(id, RetentionRule.keptActiveBy(open.get(id), held.get(id)));
        }
        return why;
    }

    private static java.util.Set<Long> union(java.util.Set<Long> a, java.util.Set<Long> b) {
        java.util.Set<Long> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
