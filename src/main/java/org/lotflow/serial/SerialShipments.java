package org.lotflow.serial;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.lotflow.product.Product;
import org.lotflow.serial.internal.SerialEvents;
import org.lotflow.serial.internal.SerialRules;
import org.lotflow.serial.internal.SerialStore;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.StateConflict;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The serials of a shipment (issue #16: "shipping a serialised product records which serials went to which
 * customer"), for the order module's shipping use case, in its transaction and under its lot locks:
 * {@link #check} before anything changes, then {@link Picked#ship} for each shipment line. A product that is not
 * serialised ships as before, without serials.
 */
@Service
public class SerialShipments {

    private final SerialStore store;
    private final SerialEvents events;
    private final int maxPerRequest;

    public SerialShipments(SerialStore store, SerialEvents events,
            @Value("${lotflow.serials.max-per-request:10000}") int maxPerRequest) {
        this.store = store;
        this.events = events;
        this.maxPerRequest = maxPerRequest;
    }

    /** A lot the shipment ships: its id, number and the quantity shipped from it (in the product's unit). */
    public record ShippedLot(long lotId, String lotNumber, BigDecimal quantity) {
    }

    /**
     * Checks the serials a shipment names against what it ships. For a product that is not serialised: none may be
     * named (400 naming {@code serials}). For a serialised one: each lot's quantity must be whole units, and the
     * serials (at most {@code lotflow.serials.max-per-request}) must be the product's, each named once, of the lots
     * shipped, IN_STOCK, exactly as many per lot as units shipped from it. Refusals, before anything changes: 400
     * naming {@code serials} (none named, a count that does not match, a fraction of a unit) or {@code serials[i]}
     * (not a serial, named twice, unknown for the product, in a lot this shipment does not ship); 409 naming
     * {@code serials[i]} for a serial already shipped (to whom, on which order).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Picked check(Product product, List<ShippedLot> lots, List<String> serials) {
        boolean named = serials != null && !serials.isEmpty();
        if (!product.isSerialised()) {
            if (named) {
                throw new InvalidInput("serials", "product " + product.getSku() + " is not serialised; ship it"
                        + " without serials");
            }
            return new Picked(Map.of());
        }
        Map<Long, Integer> units = new LinkedHashMap<>();
        Map<Long, String> numbers = new LinkedHashMap<>();
        for (ShippedLot l : lots) {
            numbers.put(l.lotId(), l.lotNumber());
            units.merge(l.lotId(), wholeUnits(l, product), Integer::sum);
        }
        String expected = units.entrySet().stream().map(e -> numbers.get(e.getKey()) + ": " + e.getValue())
                .collect(Collectors.joining(", "));
        if (!named) {
            throw new InvalidInput("serials", "product " + product.getSku() + " is serialised: name the serials"
                    + " shipped, as many per lot as units (" + expected + ")");
        }
        SerialRules.checkList(serials, "serials", maxPerRequest);
        // whatever the case it is typed in, a serial is the stored one (auditor 2026-12-06 X1: "pmp25-00001" was "no serial")
        Map<String, SerialStore.Row> found = new java.util.HashMap<>();
        store.find(product.getId(), serials).values()
                .forEach(r -> found.put(r.serial().toUpperCase(java.util.Locale.ROOT), r));
        Map<Long, Deque<Long>> byLot = new LinkedHashMap<>();
        Map<Long, List<String>> textsByLot = new LinkedHashMap<>();
        for (int i = 0; i < serials.size(); i++) {
            SerialStore.Row row = found.get(serials.get(i).toUpperCase(java.util.Locale.ROOT));
            String field = "serials[" + i + "]";
            if (row == null) {
                throw new InvalidInput(field, "product " + product.getSku() + " has no serial '" + serials.get(i) + "'");
            }
            String serial = row.serial(); // as registered, in the records and the answer
            if (!units.containsKey(row.lotId())) {
                throw new InvalidInput(field, "serial " + serial + " is not in a lot this shipment ships ("
                        + String.join(", ", numbers.values()) + ")");
            }
            if (row.status() == SerialStatus.SHIPPED) {
                throw new StateConflict("Serial " + serial + " was already shipped to " + row.customer() + " on order "
                        + row.orderNumber() + " (" + row.shippedAt() + ")").with("field", field).with("serial", serial);
            }
            if (row.status() != SerialStatus.IN_STOCK) {
                throw new StateConflict("Serial " + serial + " is " + row.status() + ": the unit left its lot"
                        + (row.status() == SerialStatus.DISPOSED ? " with its disposal"
                                : row.status() == SerialStatus.RETURNED ? " to a customer and came back under a recall"
                                : " into another lot")
                        + " and does not ship").with("field", field).with("serial", serial);
            }
            byLot.computeIfAbsent(row.lotId(), k -> new ArrayDeque<>()).add(row.id());
            textsByLot.computeIfAbsent(row.lotId(), k -> new ArrayList<>()).add(serial);
        }
        List<String> wrong = new ArrayList<>();
        units.forEach((lotId, n) -> {
            int given = byLot.getOrDefault(lotId, new ArrayDeque<>()).size();
            if (given != n) {
                wrong.add("lot " + numbers.get(lotId) + " ships " + n + " units but " + given + " of its serials are named");
            }
        });
        if (!wrong.isEmpty()) {
            throw new InvalidInput("serials", String.join("; ", wrong) + " (as many serials per lot as units: "
                    + expected + ")");
        }
        Map<Long, Deque<Pick>> picks = new LinkedHashMap<>();
        byLot.forEach((lotId, ids) -> {
            Deque<Pick> d = new ArrayDeque<>();
            List<String> texts = textsByLot.get(lotId);
            int i = 0;
            for (Long id : ids) {
                d.add(new Pick(id, texts.get(i++)));
            }
            picks.put(lotId, d);
        });
        return new Picked(picks);
    }

    private static int wholeUnits(ShippedLot l, Product product) {
        BigDecimal q = l.quantity().stripTrailingZeros();
        if (q.scale() > 0) {
            throw new InvalidInput("serials", "lot " + l.lotNumber() + " ships " + l.quantity().toPlainString() + " "
                    + product.getUnit() + ", but product " + product.getSku() + " is serialised: it ships whole units,"
                    + " one serial each");
        }
        return q.intValueExact();
    }

    private record Pick(long id, String serial) {
    }

    /** The serials a checked shipment takes, per lot, in the order named. */
    public final class Picked {

        private final Map<Long, Deque<Pick>> byLot;

        private Picked(Map<Long, Deque<Pick>> byLot) {
            this.byLot = byLot;
        }

        /**
         * Ships {@code quantity} units of the lot with the shipment line {@code shipmentId}: the next serials named
         * for the lot become SHIPPED to the customer, and the lot's audit trail lists them
         * ({@link SerialEventTypes#SERIALS_SHIPPED}). Nothing for a product that is not serialised. A serial another
         * shipment took meanwhile: 409, and the caller's transaction rolls back. Runs in the caller's transaction.
         */
        public List<String> ship(long lotId, BigDecimal quantity, long shipmentId, String customer, String orderNumber,
                LocalDate shippedAt) {
            Deque<Pick> left = byLot.get(lotId);
            if (left == null) {
                return List.of();
            }
            int n = quantity.intValueExact();
            List<Pick> taken = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                taken.add(left.removeFirst());
            }
            List<String> serials = taken.stream().map(Pick::serial).toList();
            int updated = store.markShipped(taken.stream().map(Pick::id).toList(), shipmentId, customer, orderNumber,
                    shippedAt);
            if (updated != n) {
                throw new StateConflict("Another shipment took some of the serials " + String.join(", ", serials)
                        + " at the same moment; nothing was shipped").with("field", "serials");
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("orderNumber", orderNumber);
            detail.put("customer", customer);
            detail.put("shippedAt", shippedAt.toString());
            events.record(lotId, SerialEventTypes.SERIALS_SHIPPED, "Serials shipped to " + customer + " on order "
                    + orderNumber, serials, detail);
            return serials;
        }
    }
}
