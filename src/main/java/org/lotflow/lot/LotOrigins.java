package org.lotflow.lot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import org.lotflow.lot.internal.OriginQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lot module's traceability API (FSMA 204 key data elements, 21 CFR 1.1345 receiving and 1.1350
 * transformation): where each lot came from (received from a supplier, or made here and from which inputs),
 * read without loading lot entities. Other modules (trace, recall) read it here, never from the {@code lot}
 * and {@code lot_source} tables. Lots by id are one array parameter per query, any number of them.
 */
@Service
public class LotOrigins {

    /**
     * A lot and its origin: product ({@code sku}, {@code productName}, {@code unit}), quantities in that unit,
     * storage {@code location}, {@code manufactureDate}, {@code receiptDate} (received lots), {@code source}
     * ({@link LotSource} name), {@code productionOrder}, and for received lots the {@code supplier}, its
     * {@code supplierLotNumber} and the {@code deliveryReference}; the lot's {@code status} now ({@link LotStatus}
     * name), its {@code expirationDate} and its product's GS1 {@code gtin} (GTIN-14, or null).
     */
    public record Origin(Long id, String lotNumber, String sku, String productName, String unit,
            LotQuantities quantities, String location, LocalDate manufactureDate, LocalDate receiptDate,
            String source, String productionOrder, String supplier, String supplierLotNumber,
            String deliveryReference, String status, LocalDate expirationDate, String gtin) {

        /** This origin with its supplier named {@code name} (the supplier's one name). */
        public Origin withSupplier(String name) {
            return new Origin(id, lotNumber, sku, productName, unit, quantities, location, manufactureDate, receiptDate,
                    source, productionOrder, name, supplierLotNumber, deliveryReference, status, expirationDate, gtin);
        }

        /** Whether the lot was received from a supplier (source RECEIPT) rather than made here. */
        public boolean received() {
            return LotSource.RECEIPT.name().equals(source);
        }

        /**
         * Whether the lot was repacked here from existing inventory (source REPACKAGING): a transformation whose
         * inputs are the food itself, always to be traced (FSMA 204, 21 CFR 1.1350(a)(1)).
         */
        public boolean repacked() {
            return LotSource.REPACKAGING.name().equals(source);
        }

        /** The date of the lot's critical tracking event: received, or made (transformation completed). */
        public LocalDate eventDate() {
            return received() && receiptDate != null ? receiptDate : manufactureDate;
        }
    }

    /**
     * One input of a made lot: {@code quantity} (in the input's {@code unit}) of lot {@code lotNumber}; {@code gtin}:
     * the input product's GS1 GTIN-14, or null; {@code supplier} and {@code supplierLotNumber}: who delivered it and
     * their lot number, when the input was received (null for a lot made here).
     */
    public record Input(Long madeLotId, String lotNumber, String sku, String productName, String unit,
            BigDecimal quantity, String gtin, String supplier, String supplierLotNumber) {
    }

    private final OriginQueries queries;
    private final org.lotflow.shared.PartyReadings parties;

    public LotOrigins(OriginQueries queries, org.lotflow.shared.PartyReadings parties) {
        this.queries = queries;
        this.parties = parties;
    }

    /**
     * The lots with these ids that exist, by id, each supplier by its one name ({@code PartyReadings#oneNames}: one
     * supplier written in other capitals on two receipts is one traceability lot code source in FSMA 204 and one
     * party in EPCIS; re-test 2026-12-06 F2). Two queries.
     */
    @Transactional(readOnly = true)
    public List<Origin> of(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Origin> found = queries.of(ids);
        java.util.Map<String, String> names = parties.oneNames("supplier", found.stream().map(Origin::supplier)
                .filter(java.util.Objects::nonNull).toList());
        return found.stream().map(o -> o.supplier() == null ? o : o.withSupplier(names.get(o.supplier()))).toList();
    }

    /**
     * Every lot whose critical tracking event falls between {@code from} and {@code to} (both included):
     * received lots by receipt date, the others by manufacture date; handed to {@code each} row by row as the
     * database reads them (received first, each by date and lot number), never held as one list here.
     */
    @Transactional(readOnly = true)
    public void createdBetween(LocalDate from, LocalDate to, Consumer<Origin> each) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        queries.createdBetween(from, to, o -> each.accept(o.supplier() == null ? o : o.withSupplier(names.computeIfAbsent(
                o.supplier(), s -> parties.oneNames("supplier", List.of(s)).get(s)))));
    }

    /**
     * Every input of the made lots with these ids, traced or not (a transformation's record lists all its
     * inputs), by made lot id then input lot number. One query.
     */
    @Transactional(readOnly = true)
    public List<Input> inputsOf(Collection<Long> madeLotIds) {
        if (madeLotIds.isEmpty()) {
            return List.of();
        }
        List<Input> found = queries.inputsOf(madeLotIds);
        java.util.Map<String, String> names = parties.oneNames("supplier", found.stream().map(Input::supplier)
                .filter(java.util.Objects::nonNull).toList());
        return found.stream().map(i -> i.supplier() == null ? i : new Input(i.madeLotId(), i.lotNumber(), i.sku(),
                i.productName(), i.unit(), i.quantity(), i.gtin(), names.get(i.supplier()), i.supplierLotNumber()))
                .toList();
    }
}
