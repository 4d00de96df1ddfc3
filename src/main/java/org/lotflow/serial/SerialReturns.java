package org.lotflow.serial;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * The serials of goods a customer sends back under a recall (issue #16 and the recall's received returns): a
 * serialised lot's units come back by serial, each one the customer received of that lot, so the serial ledger says
 * where each unit is ({@code RETURNED}, its shipment still on record) and the recall's closing disposes of it with
 * the lot ({@code SerialStatus.DISPOSED}). For the recall module's receiving use case, in its transaction.
 */
@Service
public class SerialReturns {

    private final SerialStore store;
    private final SerialEvents events;
    private final int maxPerRequest;

    public SerialReturns(SerialStore store, SerialEvents events,
            @Value("${lotflow.serials.max-per-request:10000}") int maxPerRequest) {
        this.store = store;
        this.events = events;
        this.maxPerRequest = maxPerRequest;
    }

    /**
     * Checks and records the serials of {@code quantity} units of lot {@code lotId} ({@code lotNumber}) back from
     * {@code customer}. A product that is not serialised: none may be named (400 naming {@code serials}). A serialised
     * one: the quantity whole units, one serial each, every serial the product's, of this lot, named once, SHIPPED to
     * this customer (whatever its case); refusals name {@code serials} or {@code serials[i]}, 409 for a serial not at
     * the customer (in stock, disposed of, consumed, or received back already). Then each becomes RETURNED and the lot's
     * history lists them ({@link SerialEventTypes#SERIALS_RETURNED}). Returns the serials as registered (empty for a
     * product that is not serialised).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> receive(Product product, long lotId, String lotNumber, BigDecimal quantity, String customer,
            String recallNumber, List<String> serials) {
        boolean named = serials != null && !serials.isEmpty();
        if (!product.isSerialised()) {
            if (named) {
                throw new InvalidInput("serials", "product " + product.getSku() + " is not serialised; receive it"
                        + " without serials");
            }
            return List.of();
        }
        org.lotflow.product.WholeUnits.require("quantity", product, quantity);
        BigDecimal units = quantity.stripTrailingZeros();
        if (!named) {
            throw new InvalidInput("serials", "product " + product.getSku() + " is serialised: name the serials of"
                    + " the " + units.toPlainString() + " units that came back");
        }
        SerialRules.checkList(serials, "serials", maxPerRequest);
        if (serials.size() != units.intValueExact()) {
            throw new InvalidInput("serials", serials.size() + " serials named for " + units.toPlainString()
                    + " units: one serial per unit");
        }
        Map<String, SerialStore.Row> found = new HashMap<>();
        store.find(product.getId(), serials).values()
                .forEach(r -> found.put(r.serial().toUpperCase(Locale.ROOT), r));
        Map<Long, String> picked = new LinkedHashMap<>();
        for (int i = 0; i < serials.size(); i++) {
            String field = "serials[" + i + "]";
            SerialStore.Row row = found.get(serials.get(i).toUpperCase(Locale.ROOT));
            if (row == null) {
                throw new InvalidInput(field, "product " + product.getSku() + " has no serial '" + serials.get(i) + "'");
            }
            if (row.lotId() != lotId) {
                throw new InvalidInput(field, "serial " + row.serial() + " is not of lot " + lotNumber);
            }
            if (picked.containsKey(row.id())) {
                throw new InvalidInput(field, "serial " + row.serial() + " is named twice");
            }
            if (row.status() != SerialStatus.SHIPPED || row.customer() == null
                    || !row.customer().equalsIgnoreCase(customer)) {
                throw new StateConflict("Serial " + row.serial() + " is not at " + customer + ": it is "
                        + (row.status() == SerialStatus.SHIPPED ? "at " + row.customer() : row.status()))
                        .with("field", field).with("serial", row.serial());
            }
            picked.put(row.id(), row.serial());
        }
        if (store.markReturned(new ArrayList<>(picked.keySet())) != picked.size()) {
            throw new StateConflict("Another receipt took some of these serials meanwhile: reload and try again");
        }
        List<String> back = new ArrayList<>(picked.values());
        events.record(lotId, SerialEventTypes.SERIALS_RETURNED, "Serials received back from " + customer
                + " (recall " + recallNumber + ")", back, Map.of("recallNumber", recallNumber, "customer", customer));
        return back;
    }
}
