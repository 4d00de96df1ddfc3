package org.lotflow.lot.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lotflow.history.LotHistory;
import org.lotflow.lot.Genealogy;
import org.lotflow.lot.LotService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read side of the lot API: a lot's inputs (genealogy), its history and the business date. */
@Service
public class LotQueries {

    private final LotService lots;
    private final LotHistory history;
    private final Clock clock;

    public LotQueries(LotService lots, LotHistory history, Clock clock) {
        this.lots = lots;
        this.history = history;
        this.clock = clock;
    }

    /** The genealogy inputs of a lot: source lot number and quantity consumed, by lot number. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> sourcesOf(Long lotId) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Genealogy g : lots.get(lotId).getSources()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lotNumber", g.getSourceLot().getLotNumber());
            m.put("quantity", g.getQuantity());
            out.add(m);
        }
        out.sort(Comparator.comparing(m -> (String) m.get("lotNumber")));
        return out;
    }

    /** The lot's audit trail, oldest first; 404 for an unknown lot. */
    @Transactional(readOnly = true)
    public List<LotHistory.Entry> history(String lotNumber) {
        return history.of(lots.get(lotNumber).getId());
    }

    /** The business date ({@code lotflow.today} or the clock's). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
