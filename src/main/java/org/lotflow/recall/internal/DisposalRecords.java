package org.lotflow.recall.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recall's disposals as its row keeps them (JSON text, {@code recall.close_requested_disposals} and
 * {@code recall.close_disposals}, V132): the per-lot choices the QA manager signed, [{lotNumber, method, reference}],
 * and what the closing disposed of, [{lotNumber, method, reference, quantity, unit}], quantities read back exactly.
 */
public final class DisposalRecords {

    private DisposalRecords() {
    }

    /** Quantities read back exactly (3000.000 stays a BigDecimal, never a double). */
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** The signed per-lot choices as kept on the recall row: [{lotNumber, method, reference}], null when none. */
    static String signed(Map<String, RecalledStockDisposals.Choice> choices) {
        if (choices.isEmpty()) {
            return null;
        }
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        choices.forEach((lot, c) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("lotNumber", lot);
            row.put("method", c.method());
            row.put("reference", c.reference());
            rows.add(row);
        });
        return write(rows);
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a closed recall disposed of, from its row's JSON ({@link RecallView#disposals}). */
    public static List<RecallView.Disposal> disposals(String json) {
        return read(json).stream().map(d -> new RecallView.Disposal((String) d.get("lotNumber"),
                new java.math.BigDecimal(String.valueOf(d.get("quantity"))).setScale(3), (String) d.get("unit"),
                (String) d.get("method"), (String) d.get("reference"))).toList();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> read(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, List.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
