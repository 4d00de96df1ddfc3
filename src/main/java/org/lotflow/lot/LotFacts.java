package org.lotflow.lot;

import java.util.LinkedHashMap;
import java.util.Map;

import org.lotflow.shared.process.TaskForm;

/**
 * A lot's facts as its tasks' forms show them, the same block in every process: {@code lotNumber},
 * {@code sku}, {@code productName}, {@code lotStatus}, {@code quantity} (with the product's unit, for
 * example {@code 1000 kg}), {@code manufactureDate}, {@code expirationDate} (ISO dates) and
 * {@code location} ({@code "-"} when unknown). For display only.
 */
public final class LotFacts {

    private LotFacts() {
    }

    /** The block, in display order, as text. */
    public static Map<String, String> of(Lot lot) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("lotNumber", lot.getLotNumber());
        facts.put("sku", lot.getProduct().getSku());
        facts.put("productName", lot.getProduct().getName());
        facts.put("lotStatus", lot.getStatus().name());
        facts.put("quantity", TaskForm.text(lot.getQuantity()) + " " + lot.getProduct().getUnit());
        facts.put("manufactureDate", TaskForm.text(lot.getManufactureDate()));
        facts.put("expirationDate", TaskForm.text(lot.getExpirationDate()));
        facts.put("location", TaskForm.text(lot.getLocation()));
        return facts;
    }
}
