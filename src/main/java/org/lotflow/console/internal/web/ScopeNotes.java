package org.lotflow.console.internal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.lotflow.history.HistoryReports;
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
    private final ConsoleFormat format;

    ScopeNotes(HistoryReports history, LotService lots, ConsoleFormat format) {
        this.history = history;
        this.lots = lots;
        this.format = format;
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
            left.put(numbers.get(e.getKey()), e.getValue().stream().map(d -> java.util.Objects.requireNonNullElse(
                    ConsoleFormat.disposalMethod(d.method()), String.valueOf(d.method())) + " "
                    + format.qty(d.quantity()) + " " + unit + (d.reference() == null ? "" : " (" + d.reference()
                    + ")")).collect(Collectors.joining("; ")));
        }
        return left;
    }
}
