package org.lotflow.recall.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signed closing's record in words and figures ({@link RecallClosing#close}): the recall report every lot's history
 * gets ({@code RECALL_CLOSED}, 21 CFR 7.55) and the sentences of the timeline's closing. Plain rules, no Spring.
 */
final class ClosingReport {

    private ClosingReport() {
    }

    /** {@code text} ending with a full stop (one added when it ends without a sentence's end; new user P7). */
    static String sentence(String text) {
        String t = text.strip();
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }

    /** {@code "Metro Manufacturing 21 pails (CHECK: the customer said 50 returned)"}, in words. */
    static String receivedInWords(Map<String, Object> r) {
        String check = (String) r.get("check");
        return r.get("customer") + " " + Quantities.plain((java.math.BigDecimal) r.get("quantityReceived"))
                + (r.get("unit") == null ? "" : " " + r.get("unit")) + (check.isEmpty() ? "" : " (" + check + ")");
    }

    /** {@code "RM-2025-015 3000 gal returned to the supplier (RMA-2025-17)"}, in words (new user Q7). */
    static String disposedInWords(Map<String, Object> d) {
        String method = String.valueOf(d.get("method"));
        // "reworked": recorded before rework stopped being a disposal (auditor 2026-12-06 C-c)
        String how = java.util.Arrays.stream(org.lotflow.lot.LotDisposal.Method.values())
                .filter(m -> m.name().equals(method)).map(org.lotflow.lot.LotDisposal.Method::inWords).findFirst()
                .orElse("reworked");
        return d.get("lotNumber") + " " + Quantities.plain((java.math.BigDecimal) d.get("quantity")) + " "
                + d.get("unit") + " " + how + (d.get("reference") == null ? "" : " (" + d.get("reference") + ")");
    }


    /** The recall report every lot's history gets. */
    static Map<String, Object> of(RecallStore.RecallRow recall, List<RecallStore.LotRow> scope,
            Effectiveness e, String comment) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("recallNumber", recall.recallNumber());
        report.put("classification", recall.classification());
        report.put("reason", recall.reason());
        report.put("openedAt", recall.openedAt().toString());
        report.put("openedBy", recall.openedBy());
        report.put("lotsRecalled", scope.stream().filter(RecallStore.LotRow::recalled)
                .map(RecallStore.LotRow::lotNumber).toList());
        report.put("customers", e.customers());
        report.put("notified", e.notified());
        report.put("notReached", e.notReached());
        report.put("acknowledged", e.acknowledged());
        if (e.quantityShipped() != null) { // one unit: the totals; several: per unit only (G2)
            report.put("quantityShipped", e.quantityShipped());
            report.put("quantityReturned", e.quantityReturned());
            report.put("quantityDestroyed", e.quantityDestroyed());
        }
        report.put("quantities", e.quantities().stream().map(q -> {
            Map<String, Object> perUnit = new LinkedHashMap<>();
            perUnit.put("unit", q.unit());
            perUnit.put("shipped", q.shipped());
            perUnit.put("returned", q.returned());
            perUnit.put("destroyed", q.destroyed());
            return perUnit;
        }).toList());
        report.put("effectivenessLevel", e.level());
        report.put("comment", comment);
        return report;
    }
}
