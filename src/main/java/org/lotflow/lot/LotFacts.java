package org.lotflow.lot;

import java.util.LinkedHashMap;
import java.util.Map;

import org.lotflow.shared.process.TaskForm;

/**
 * A lot's facts as its tasks' forms show them, the same block in every process: {@code lotNumber},
 * {@code sku}, {@code productName}, {@code lotStatus}, {@code quantity} (with the product's unit, for
 * example {@code 1000 kg}), {@code manufactureDate}, {@code expirationDate} (ISO dates) and
 * {@code location} ({@value #NO_LOCATION} when none was recorded). For display only.
 */
public final class LotFacts {

    private LotFacts() {
    }

    /** The location shown when none was recorded. */
    public static final String NO_LOCATION = "(no location recorded)";

    /**
     * {@code "yes"} when the lot was received from a supplier, {@code "no"} when it was made at the plant: the
     * disposal form ({@code confirmDisposal}) offers a return to the supplier only for a received lot (the rule is
     * {@link LotDisposal}'s, which refuses it for a plant lot whatever a form sends).
     */
    public static final String RECEIVED_LOT = "receivedLot";

    /** A disposal form's line naming whom a received lot's return goes to ({@link #supplierLine}). */
    public static final String SUPPLIER_LINE = "supplierLine";

    /**
     * For a received lot, whom a return goes to: the supplier, its lot number and the delivery it came with, as the
     * lot's page has them, so the warehouse writes the return note from the disposal task (new user 2026-12-07 F8);
     * "" for a lot made at the plant.
     */
    public static String supplierLine(Lot lot) {
        if (lot.getSupplier() == null) {
            return "";
        }
        return "Received from " + lot.getSupplier() + (lot.getSupplierLotNumber() == null ? ""
                : ", supplier lot " + lot.getSupplierLotNumber()) + (lot.getDeliveryReference() == null ? ""
                : ", delivery " + lot.getDeliveryReference()) + ": a return to the supplier goes there.";
    }

    /** The {@link #RECEIVED_LOT} value of {@code lot}. */
    public static String received(Lot lot) {
        return lot.isReceived() ? "yes" : "no";
    }

    /** The block, in display order, as text. */
    public static Map<String, String> of(Lot lot) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("lotNumber", lot.getLotNumber());
        facts.put("sku", lot.getProduct().getSku());
        facts.put("productName", lot.getProduct().getName());
        facts.put("lotStatus", lot.getStatus().name());
        facts.put("quantity", TaskForm.text(lot.getQuantity()) + " " + lot.getProduct().getUnit());
        // a receipt date standing in for an unstated manufacture date is said (new user 2026-12-06 M6)
        facts.put("manufactureDate", TaskForm.text(lot.getManufactureDate()) + (lot.isManufactureDateAssumed()
                ? " (receipt date: the supplier stated none)" : ""));
        facts.put("expirationDate", TaskForm.text(lot.getExpirationDate()));
        // said in words when none was recorded: the person sent to the stock is told so, not shown a dash (new user
        // 2026-12-06 L5: "On hand: 5000 bottles at -")
        facts.put("location", lot.getLocation() == null || lot.getLocation().isBlank() ? NO_LOCATION
                : TaskForm.text(lot.getLocation()));
        return facts;
    }
}
