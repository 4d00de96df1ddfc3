package org.lotflow.console.internal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.lotflow.history.HistoryReports;
import org.lotflow.lot.LotDisposal;
import org.lotflow.lot.LotService;
import org.springframework.stereotype.Component;

/**
 * What a recall's scope says beside a lot it keeps as it is (a REJECTED or ARCHIVED lot): what of it left the plant
 * unused before the recall, as its disposals recorded it ("returned to the supplier 100 kg (RMA-HPC-2025-004)"). New
 * user 2026-12-07 F13: a rejected lot returned to its supplier read only "stays rejected; its customers are notified",
 * and the coordinator accounting for the supplier lot needs the return. The recall's own note is the recall module's.
 */
@Component
class ScopeNotes {

    private final HistoryReports history;
    private final LotService lots;

    ScopeNotes(HistoryReports history, LotService lots) {
        this.history = history;
        this.lots = lots;
    }

    /**
     * For each of the lots (lot number to lot id) that has any, its disposals not made by a recall's closing (those the
     * recall page lists itself), oldest first, in words: method, quantity with the unit, reference; by lot number.
     */
    Map<String, String> leftThePlant(Map<String, Long> lotIds) {
        Map<String, String> left = new LinkedHashMap<>();
        if (lotIds.isEmpty()) {
            return left;
        }
        Map<Long, String> numbers = lotIds.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey, (a, b) -> a));
        Map<Long, List<HistoryReports.Disposal>> byLot = history.disposals(lotIds.values()).stream()
                .filter(d -> d.recallNumber() == null)
                .collect(Collectors.groupingBy(HistoryReports.Disposal::lotId, LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<Long, List<HistoryReports.Disposal>> e : byLot.entrySet()) {
            String unit = lots.get(e.getKey()).getProduct().getUnit();
            left.put(numbers.get(e.getKey()), e.getValue().stream().map(d -> method(d.method()) + " "
                    + plain(d.quantity()) + " " + unit + (d.reference() == null ? "" : " (" + d.reference()
                    + ")")).collect(Collectors.joining("; ")));
        }
        return left;
    }

    private static String method(String code) {
        try {
            return LotDisposal.Method.valueOf(code).inWords();
        } catch (IllegalArgumentException | NullPointerException e) {
            return String.valueOf(code);
        }
    }

    /** A quantity without trailing zeros. */
    private static String plain(java.math.BigDecimal q) {
        return q == null ? "" : q.signum() == 0 ? "0" : q.stripTrailingZeros().toPlainString();
    }
}
