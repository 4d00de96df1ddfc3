package org.lotflow.serial;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.lot.LotStatus;
import org.lotflow.product.LotNumberPattern;
import org.lotflow.product.Product;
import org.lotflow.product.ProductService;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.serial.internal.SerialEvents;
import org.lotflow.serial.internal.SerialRules;
import org.lotflow.serial.internal.SerialSequence;
import org.lotflow.serial.internal.SerialStore;
import org.lotflow.shared.StateConflict;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case "a lot of a serialised product gets its serial numbers" (issue #16; the seed, "products that require both
 * lot and serial tracking": serial numbers belong to specific lots). Two ways: generated from the product's serial
 * pattern when the lot is made or received ({@link #generate}, one per unit, in the creating transaction), or
 * registered in bulk by production ({@link #register}). Either way every serial is stored IN_STOCK in the lot in
 * JDBC batches, unique for the product by the key {@code uk_serial_number_product_serial} (never check-then-insert:
 * the lookup before only names the serial taken; a race is still refused by the key), and listed in the lot's
 * audit trail ({@link SerialEventTypes#SERIALS_REGISTERED}). All or nothing.
 */
@Service
public class SerialRegistration {

    /** Lot statuses with stock that serials may be registered to. */
    static final Set<LotStatus> REGISTERABLE = EnumSet.of(LotStatus.PENDING, LotStatus.RELEASED, LotStatus.QUARANTINE);

    private final LotService lots;
    private final SerialStore store;
    private final SerialSequence sequence;
    private final SerialEvents events;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final int maxPerLot;
    private final int maxPerRequest;

    public SerialRegistration(LotService lots, SerialStore store, SerialSequence sequence, SerialEvents events,
            CurrentUser currentUser, Clock clock, @Value("${lotflow.serials.max-per-lot:100000}") int maxPerLot,
            @Value("${lotflow.serials.max-per-request:10000}") int maxPerRequest) {
        this.lots = lots;
        this.store = store;
        this.sequence = sequence;
        this.events = events;
        this.currentUser = currentUser;
        this.clock = clock;
        this.maxPerLot = maxPerLot;
        this.maxPerRequest = maxPerRequest;
    }

    /** What a registration did: the lot, the serials registered in it now, and how many it holds in all. */
    public record Registered(String lotNumber, String sku, List<String> serials, long serialsInLot, int lotUnits) {
    }

    /**
     * Registers the listed serials in the lot (production; 403 otherwise). Refused with nothing stored: an unknown
     * lot (404); a lot of a product that is not serialised, a lot not PENDING, RELEASED or QUARANTINE, or more
     * serials than the lot has units (409); no serials, more than {@code lotflow.serials.max-per-request}
     * (default 10,000), a serial that is not one ({@link SerialRules}) or listed twice (400 naming
     * {@code serials} or {@code serials[i]}); a serial the product already has, in any lot (409 naming
     * {@code serials[i]} and the lot).
     */
    @Transactional
    public Registered register(String lotNumber, List<String> serials) {
        currentUser.requireToRecord("register serials", Groups.PRODUCTION);
        Lot lot = lots.lockForChange(lots.get(lotNumber));
        Product product = lot.getProduct();
        if (!product.isSerialised()) {
            throw new StateConflict("Product " + product.getSku() + " of lot " + lot.getLotNumber()
                    + " is not serialised: its lots hold no serial numbers").with("field", "lotNumber");
        }
        if (!REGISTERABLE.contains(lot.getStatus())) {
            throw new StateConflict("Lot " + lot.getLotNumber() + " is " + lot.getStatus() + "; serials are registered"
                    + " to a lot that is PENDING, RELEASED or QUARANTINE").with("field", "lotNumber");
        }
        SerialRules.checkList(serials, "serials", maxPerRequest);
        int units = SerialRules.wholeUnits(lot.getQuantity(), "quantity", product.getSku(), maxPerLot);
        Map<String, SerialStore.Row> taken = store.find(product.getId(), serials);
        if (!taken.isEmpty()) {
            throw takenRefusal(serials, taken.values().iterator().next().serial(), lotNumberOf(taken.values()
                    .iterator().next().lotId()), product.getSku());
        }
        long held = store.countOfLot(lot.getId());
        if (held + serials.size() > units) {
            throw new StateConflict("Lot " + lot.getLotNumber() + " holds " + units + " units and already has " + held
                    + " serials; " + serials.size() + " more would make " + (held + serials.size()))
                    .with("field", "serials");
        }
        store(product, lot, serials, "Serials registered");
        return new Registered(lot.getLotNumber(), product.getSku(), List.copyOf(serials), held + serials.size(), units);
    }

    /**
     * A new lot of a serialised product (called in the lot's creating transaction, as production): its quantity
     * must be whole units, at most {@code lotflow.serials.max-per-lot} (default 100,000; 400 naming
     * {@code quantity} otherwise, and the lot is not created); with a serial pattern, one serial per unit is
     * generated from the product's sequence (the lot's year of manufacture for {@code {yyyy}}/{@code {yy}}).
     * A pattern whose {@code {seq:N}} has grown past 20 characters is 409; nothing of the lot is kept.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void generate(Lot lot) {
        Product product = lot.getProduct();
        if (!product.isSerialised()) {
            return;
        }
        int units = SerialRules.wholeUnits(lot.getQuantity(), "quantity", product.getSku(), maxPerLot);
        if (product.getSerialPattern().isEmpty()) {
            return;
        }
        LotNumberPattern pattern = product.getSerialPattern().get();
        long first = sequence.reserve(product.getId(), units);
        int year = lot.getManufactureDate().getYear();
        List<String> serials = new ArrayList<>(units);
        for (long n = first; n < first + units; n++) {
            if (n > Integer.MAX_VALUE) {
                throw new StateConflict("Product " + product.getSku() + " has used up its serial sequence");
            }
            String serial = pattern.format(year, (int) n);
            if (serial.length() > ProductService.MAX_SERIAL_LENGTH) {
                throw new StateConflict("Serial pattern " + pattern + " of product " + product.getSku() + " has run"
                        + " out: serial number " + n + " would be '" + serial + "', longer than "
                        + ProductService.MAX_SERIAL_LENGTH + " characters").with("field", "quantity");
            }
            serials.add(serial);
        }
        store(product, lot, serials, "Serials generated from pattern " + pattern);
    }

    private void store(Product product, Lot lot, List<String> serials, String reason) {
        try {
            store.insert(product.getId(), lot.getId(), serials, clock.instant(), currentUser.id());
        } catch (DuplicateKeyException e) {
            String serial = takenIn(String.valueOf(e.getMostSpecificCause().getMessage()), serials);
            throw takenRefusal(serials, serial, null, product.getSku());
        }
        events.record(lot.getId(), SerialEventTypes.SERIALS_REGISTERED, reason, serials, Map.of());
    }

    private String lotNumberOf(long lotId) {
        return lots.get(lotId).getLotNumber();
    }

    /** 409 naming the serial (and where it is, when known) or, when the key's message did not say, the list. */
    private static StateConflict takenRefusal(List<String> serials, String serial, String lotNumber, String sku) {
        if (serial == null) {
            return (StateConflict) new StateConflict("One of the serials was registered for product " + sku
                    + " by another request at the same moment; nothing was stored").with("field", "serials");
        }
        // the serial as typed, whatever its case: "m7-a2" is the stored "M7-A2" (auditor 2026-12-06 X1)
        int index = java.util.stream.IntStream.range(0, serials.size())
                .filter(i -> serials.get(i).equalsIgnoreCase(serial)).findFirst().orElse(-1);
        String typed = index < 0 || serials.get(index).equals(serial) ? "" : " (typed " + serials.get(index) + ")";
        return (StateConflict) new StateConflict("Serial " + serial + typed + " of product " + sku + " is already registered"
                + (lotNumber == null ? "" : " in lot " + lotNumber) + "; a serial belongs to one lot")
                .with("field", index < 0 ? "serials" : "serials[" + index + "]").with("serial", serial);
    }

    private static final Pattern POSTGRES_KEY = Pattern.compile("=\\(\\d+, (.+?)\\) already exists");
    private static final Pattern H2_KEY = Pattern.compile("VALUES \\(.*'([^']*)'\\s*\\)");

    /** The serial a unique-key violation names (PostgreSQL's and H2's wording), if it is one of {@code serials}. */
    static String takenIn(String message, List<String> serials) {
        for (Pattern p : List.of(POSTGRES_KEY, H2_KEY)) {
            Matcher m = p.matcher(message);
            if (m.find() && serials.contains(m.group(1))) {
                return m.group(1);
            }
        }
        return null;
    }
}
