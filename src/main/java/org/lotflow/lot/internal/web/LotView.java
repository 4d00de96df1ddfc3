package org.lotflow.lot.internal.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotQuantities;
import org.lotflow.lot.LotSource;
import org.lotflow.lot.LotStatus;

/**
 * A lot as the API shows it ({@code GET /api/lots/{lotNumber}}, each item of {@code GET /api/lots}): the
 * contract's fields, plus what other modules contribute. Quantities are decimals in the product's
 * {@code unit} and balance by {@link LotQuantities}: {@code quantity = available + allocated + shipped +
 * consumed + disposed}; {@code onHand = available + allocated} (what is still in the warehouse; 0 once
 * the lot is disposed of). A lot received from a supplier ({@code source} RECEIPT) also shows its
 * {@code supplier}, {@code supplierLotNumber}, {@code deliveryReference} and {@code manufactureDateStated} (false when
 * the supplier stated no manufacture date and {@code manufactureDate} is the receipt date standing in; absent for
 * other lots).
 * {@code retainUntil} (ISO date): expiration date + the product's retention in years (issue #16); the lot is
 * never archived on or before that day. {@code releasedOnConcession} (true, else absent): released despite a confirmed
 * out-of-specification result, so allocated only as a requested lot a QA manager approves, never by FEFO.
 */
@JsonPropertyOrder({"lotNumber", "sku", "productName", "unit", "status", "expired", "quantity", "available",
        "allocated", "shipped", "consumed", "disposed", "onHand", "manufactureDate", "receiptDate", "expirationDate", "location",
        "productionOrder", "source", "supplier", "supplierLotNumber", "deliveryReference", "sourceLots", "version"})
public record LotView(String lotNumber, String sku, String productName, String unit, LotStatus status,
        boolean expired, BigDecimal quantity, BigDecimal available, BigDecimal allocated, BigDecimal shipped,
        BigDecimal consumed, BigDecimal disposed, BigDecimal onHand, LocalDate manufactureDate,
        LocalDate receiptDate, LocalDate expirationDate, String location, String productionOrder, LotSource source,
        String supplier, String supplierLotNumber, String deliveryReference, List<Map<String, Object>> sourceLots,
        long version, @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extra) {

    @JsonAnyGetter
    public Map<String, Object> any() {
        return extra;
    }

    public static LotView of(Lot lot, LocalDate today, List<Map<String, Object>> sourceLots) {
        LotQuantities q = lot.quantities();
        Map<String, Object> extra = new LinkedHashMap<>();
        // Retention (issue #16): the last day the lot's records must stay in the active set; archiving
        // (lotArchiving) only considers a lot after it.
        extra.put("retainUntil", lot.getProduct().retainUntil(lot.getExpirationDate()));
        if (lot.isReceived()) {
            // false: the supplier stated no manufacture date and the receipt date stands in (new user 2026-12-06 M6)
            extra.put("manufactureDateStated", !lot.isManufactureDateAssumed());
        }
        if (lot.isReleasedOnConcession()) {
            // released despite a confirmed out-of-specification result: allocated only as a requested lot (F17)
            extra.put("releasedOnConcession", true);
        }
        return new LotView(lot.getLotNumber(), lot.getProduct().getSku(), lot.getProduct().getName(),
                lot.getProduct().getUnit(), lot.getStatus(), lot.isExpiredOn(today), q.quantity(),
                q.available(), q.allocated(), q.shipped(), q.consumed(), q.disposed(), q.onHand(),
                lot.getManufactureDate(), lot.getReceiptDate(), lot.getExpirationDate(), lot.getLocation(), lot.getProductionOrder(),
                lot.getSource(), lot.getSupplier(), lot.getSupplierLotNumber(), lot.getDeliveryReference(), sourceLots,
                lot.getVersion(), extra);
    }
}
