package org.lotflow.serial;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.product.Product;
import org.lotflow.product.ProductService;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.serial.internal.SerialRules;
import org.lotflow.serial.internal.SerialStore;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The serial ledger's read side (issue #16): where a serial is (its product, lot, the lot's status, its own status
 * and, once shipped, its customer), a lot's serials page by page, and the serials that reached customers, for
 * traces ({@link #ofShipments}) and recalls ({@link #shippedFrom}). Any member of a business group may read it.
 */
@Service
public class SerialLedger {

    /** Serials per page of a lot's list at most. */
    public static final int MAX_PAGE = 5000;

    private final SerialStore store;
    private final ProductService products;
    private final LotService lots;
    private final CurrentUser currentUser;

    public SerialLedger(SerialStore store, ProductService products, LotService lots, CurrentUser currentUser) {
        this.store = store;
        this.products = products;
        this.lots = lots;
        this.currentUser = currentUser;
    }

    /**
     * A serial: its product's {@code sku}, {@code lotNumber} and {@code lotStatus}, its own {@code status}, when and
     * by whom it was registered, and when shipped the {@code customer}, {@code orderNumber} and {@code shippedAt}
     * (else null). {@code lotId} is for other modules (traces), not shown.
     */
    public record SerialView(String serial, String sku, String productName, String lotNumber, String lotStatus,
            SerialStatus status, Instant registeredAt, String registeredBy, String customer, String orderNumber,
            LocalDate shippedAt, @com.fasterxml.jackson.annotation.JsonIgnore Long lotId) {
    }

    /**
     * The serial (business groups; 403 otherwise). {@code sku} optional: serials are unique per product, so when the
     * same serial exists for several products the SKU is needed (400 naming {@code sku}, listing them). 400 naming
     * {@code serial} for text that is no serial, {@code sku} for an unknown product; 404 for no such serial.
     */
    @Transactional(readOnly = true)
    public SerialView find(String serial, String sku) {
        currentUser.require(Groups.BUSINESS.toArray(String[]::new));
        String problem = SerialRules.problem(serial);
        if (problem != null) {
            throw new InvalidInput("serial", problem);
        }
        SerialStore.Row row;
        if (sku != null && !sku.isBlank()) {
            Product product = products.findBySku(sku.trim())
                    .orElseThrow(() -> new InvalidInput("sku", "no product with SKU '" + sku + "'"));
            row = store.find(product.getId(), serial).orElseThrow(() -> new NotFound("Serial", serial + " of " + sku));
        } else {
            List<SerialStore.Row> rows = store.findAnyProduct(serial);
            if (rows.isEmpty()) {
                throw new NotFound("Serial", serial);
            }
            if (rows.size() > 1) {
                throw new InvalidInput("sku", "serial " + serial + " exists for products " + String.join(", ",
                        rows.stream().map(r -> products.get(r.productId()).getSku()).toList())
                        + "; name one with ?sku=");
            }
            row = rows.get(0);
        }
        return view(row);
    }

    private SerialView view(SerialStore.Row row) {
        Lot lot = lots.get(row.lotId());
        Product product = lot.getProduct();
        return new SerialView(row.serial(), product.getSku(), product.getName(), lot.getLotNumber(),
                lot.getStatus().name(), row.status(), row.registeredAt(), row.registeredBy(), row.customer(),
                row.orderNumber(), row.shippedAt(), lot.getId());
    }

    /** One serial of a lot's list. */
    public record LotSerial(String serial, SerialStatus status, String customer, String orderNumber,
            LocalDate shippedAt) {
    }

    /**
     * A page of a lot's serials in registration order: {@code counts} per status over the whole lot, {@code units}
     * the lot's quantity, {@code items} and the {@code nextCursor} (null on the last page).
     */
    public record LotSerials(String lotNumber, String sku, boolean serialised, java.math.BigDecimal quantity,
            Map<SerialStatus, Long> counts, List<LotSerial> items, String nextCursor) {

        /** How many serials the lot has, of every status. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * The lot's serials (business groups): {@code status} IN_STOCK or SHIPPED or null for all, {@code size} 1 to
     * {@link #MAX_PAGE} (400 naming {@code size}), {@code cursor} from the previous page (400 naming {@code cursor}
     * when it is not one). 404 for an unknown lot.
     */
    @Transactional(readOnly = true)
    public LotSerials ofLot(String lotNumber, SerialStatus status, int size, String cursor) {
        currentUser.require(Groups.BUSINESS.toArray(String[]::new));
        if (size < 1 || size > MAX_PAGE) {
            throw new InvalidInput("size", "must be from 1 to " + MAX_PAGE + ", was " + size);
        }
        long after = 0;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = Long.parseLong(new String(java.util.Base64.getUrlDecoder().decode(cursor),
                        java.nio.charset.StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                throw new InvalidInput("cursor", "is not a cursor this API handed out");
            }
        }
        Lot lot = lots.get(lotNumber);
        List<SerialStore.Row> rows = store.page(lot.getId(), status, after, size + 1);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            next = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    Long.toString(rows.get(size - 1).id()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return new LotSerials(lot.getLotNumber(), lot.getProduct().getSku(), lot.getProduct().isSerialised(),
                lot.getQuantity(), store.countsOfLot(lot.getId()), rows.stream().map(r -> new LotSerial(r.serial(),
                        r.status(), r.customer(), r.orderNumber(), r.shippedAt())).toList(), next);
    }

    /** The serials shipped with each of these shipment lines (the order module's ledger ids), in registration order. */
    @Transactional(readOnly = true)
    public Map<Long, List<String>> ofShipments(Collection<Long> shipmentIds) {
        return store.ofShipments(shipmentIds);
    }

    /** The serials of these lots that were shipped, per customer (by name), in registration order. */
    @Transactional(readOnly = true)
    public Map<String, List<String>> shippedFrom(Collection<Long> lotIds) {
        return store.shippedFrom(lotIds);
    }
}
