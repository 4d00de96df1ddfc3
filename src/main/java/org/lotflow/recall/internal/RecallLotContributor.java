package org.lotflow.recall.internal;

import java.util.List;
import java.util.Map;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotViewContributor;
import org.springframework.stereotype.Component;

/** Shows the recalls a lot is in under {@code recalls} in {@code GET /api/lots/{lotNumber}}. */
@Component
class RecallLotContributor implements LotViewContributor {

    private final org.lotflow.recall.LotRecalls lotRecalls;

    RecallLotContributor(org.lotflow.recall.LotRecalls lotRecalls) {
        this.lotRecalls = lotRecalls;
    }

    @Override
    public Map<String, Object> contribute(Lot lot) {
        // the same rows the Console's order pages read (LotRecalls: one query)
        List<Map<String, Object>> recalls = lotRecalls.ofLots(List.of(lot.getId())).getOrDefault(lot.getId(), List.of())
                .stream().map(r -> {
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("recallNumber", r.recallNumber());
                    m.put("status", r.status());
                    m.put("classification", r.classification());
                    m.put("action", r.action());
                    if (r.note() != null) {
                        m.put("note", r.note());
                    }
                    return m;
                }).toList();
        return recalls.isEmpty() ? null : Map.of("recalls", recalls);
    }
}
