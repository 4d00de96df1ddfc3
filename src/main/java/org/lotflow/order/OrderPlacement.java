package org.lotflow.order;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.lotflow.history.LotHistory;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotStatus;
import org.lotflow.lot.LotStock;
import org.lotflow.order.internal.Allocator;
import org.lotflow.order.internal.FefoCandidates;
import org.lotflow.order.internal.OrderQueries;
import org.lotflow.order.internal.OverrideReason;
import org.lotflow.order.internal.SalesOrder;
import org.lotflow.order.internal.SalesOrderRepository;
import org.lotflow.order.internal.process.OverrideProcess;
import org.lotflow.product.Product;
import org.lotflow.product.ProductService;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.input.InputRules;
import org.lotflow.shared.StateConflict;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: a salesperson places an order ({@code POST /api/orders}; the demo data places the seed's
 * orders). It is allocated at once by FEFO ({@link Fefo}: partially if stock is short, never more than a
 * lot holds). A requested lot that skips a lot FEFO could allocate for a shipment today (whatever requiredBy says: the
 * order may ship at once, audit 28 F1 c) expiring before it, or that breaks the shelf-life minimum,
 * allocates nothing yet and starts {@code allocationOverride} for a QA manager's signed decision
 * (21 CFR Part 11); any other requested lot is allocated first, the rest by FEFO (lots of the same expiry are a tie,
 * {@link Fefo#skippedFor}).
 *
 * <p>Inserts the order row, then takes the product's lock and locks only the requested lot, if any, and the lots FEFO
 * takes (see {@code FefoCandidates} and {@code OrderLocking}) before looking at their quantities.
 */
@Service
public class OrderPlacement {

    private final SalesOrderRepository orders;
    private final ProductService products;
    private final LotStock lots;
    private final Allocator allocator;
    private final FefoCandidates fefoCandidates;
    private final OrderQueries queries;
    private final OverrideProcess overrideProcess;
    private final LotHistory history;
    private final CurrentUser currentUser;
    private final org.lotflow.shared.PartyReadings readings;
    private final Clock clock;

    public OrderPlacement(SalesOrderRepository orders, ProductService products, LotStock lots, Allocator allocator,
            FefoCandidates fefoCandidates, OrderQueries queries, OverrideProcess overrideProcess, LotHistory history, CurrentUser currentUser,
            org.lotflow.shared.PartyReadings readings, Clock clock) {
        this.orders = orders;
        this.products = products;
        this.lots = lots;
        this.allocator = allocator;
        this.fefoCandidates = fefoCandidates;
        this.queries = queries;
        this.overrideProcess = overrideProcess;
        this.history = history;
        this.currentUser = currentUser;
        this.readings = readings;
        this.clock = clock;
    }

    /**
     * Places the order and allocates it (or asks for the override). Refusals: 403 for anyone but sales;
     * 400 for a malformed field ({@link NewOrder#validate}), an unknown SKU, a fraction of a unit of a serialised
     * product or of a product counted in packages (naming {@code quantity}, {@link org.lotflow.product.WholeUnits}) or a requested lot that does not exist or is of another SKU; 409 for an order number in use, a requested lot that is not
     * RELEASED, expired or without stock.
     */
    @Transactional
    public OrderView place(NewOrder in) {
        currentUser.requireToRecord("place an order", Groups.SALES);
        LocalDate today = LocalDate.now(clock);
        in.validate(today);
        // the product's id only (remembered by SKU, issue #11); the product itself for a requested lot
        Long productId = products.idBySku(in.sku())
                .orElseThrow(() -> new InvalidInput("sku", "no product with SKU '" + in.sku() + "'"));
        if (!org.lotflow.product.WholeUnits.whole(in.quantity())) {
            // a serialised product's units are each named by a serial (issue #16), a count of packages is so many
            // drums (audit 28 F2): a fraction could never ship; the product is read only for a fraction, so a
            // whole-unit order still costs no product load (issue #11)
            org.lotflow.product.WholeUnits.require("quantity", products.get(productId), in.quantity());
        }
        // the requested lot as stored, whatever its case (B2)
        String requestedLot = in.requestedLot() == null ? null : lots.asStored(List.of(in.requestedLot())).get(0);
        // one customer, one name: a name that prints like another customer's on record (other than by its case) would
        // be a second customer in every recall list (re-test 2026-12-06 R2: "Асме Foods" in Cyrillic)
        String customer = in.customerAsKept();
        // of two look-alikes placed at the same moment one is taken and the other told (one name per reading under a
        // primary key; auditor 2026-12-06: no lock)
        readings.requireOneName("customer", customer, orders::customersPrintingAs);
        // capitals aside the customer on record: the order keeps the name on record, as every list, certificate and
        // recall task prints it (new user 2026-12-07 F12: "ACME manufacturing" beside "Acme Manufacturing")
        customer = readings.oneNames("customer", List.of(customer)).getOrDefault(customer, customer);
        SalesOrder order = new SalesOrder(in.orderNumber(), customer, productId, in.quantity(),
                in.requiredBy(), in.minShelfLifeMonths(), requestedLot, clock.instant(), currentUser.id());
        order.requestReason(in.requestReasonAsKept());
        try {
            order = orders.saveAndFlush(order); // the unique order number refuses a second one (409)
        } catch (DataIntegrityViolationException e) {
            throw alreadyExists(in.orderNumber());
        }

        LocalDate shipDate = Fefo.shipDate(in.requiredBy(), today);
        if (requestedLot != null) {
            // the product's lock (every allocation of the product takes it), then the requested lot's row, which a
            // hold, a recall or an expiry locks to change it: the lot is judged, and allocated, as it is (the lock
            // order of OverrideDecision and OverrideOutcome)
            fefoCandidates.lockProduct(productId);
            Lot requested = requestedLot(requestedLot, products.get(productId), today, shipDate);
            List<Lot> before = lots.fefoCandidatesBefore(requested,
                    OverrideReason.candidatesFrom(today, order.getMinShelfLifeMonths()), OverrideReason.MAX_LISTED + 1);
            Optional<String> reason = OverrideReason.of(Fefo.Candidate.of(requested),
                    before.stream().map(Fefo.Candidate::of).toList(), today, shipDate, order.getMinShelfLifeMonths());
            if (reason.isPresent()) {
                requestOverride(order, requested, reason.get());
                return queries.view(order);
            }
            // no exception: no lot FEFO may allocate expires before it. The requested lot first, also when it ties on
            // expiry with lots FEFO's tie-break takes before it (new user 2026-12-07 F4), the rest by FEFO
            java.math.BigDecimal rest = order.getQuantity().subtract(Fefo.eligible(requested, today, shipDate,
                    order.getMinShelfLifeMonths()) ? requested.getAvailable().min(order.getQuantity())
                            : java.math.BigDecimal.ZERO);
            List<Lot> others = rest.signum() <= 0 ? List.of() : fefoCandidates.lockCovering(productId, rest, today,
                    shipDate, order.getMinShelfLifeMonths(), requested.getId());
            return queries.viewOfNew(order, allocator.requestedFirst(order, requested, others, order.getQuantity()));
        }
        List<Lot> candidates = fefoCandidates.lockCovering(productId, order.getQuantity(), today, shipDate,
                order.getMinShelfLifeMonths(), null);
        return queries.viewOfNew(order, allocator.byFefo(order, candidates, order.getQuantity(), null));
    }

    private static RuntimeException alreadyExists(String orderNumber) {
        return new StateConflict("Order " + orderNumber + " already exists (order numbers are unique whatever their"
                + " case: " + orderNumber.toUpperCase(java.util.Locale.ROOT) + " and "
                + orderNumber.toLowerCase(java.util.Locale.ROOT) + " are one order)").with("field", "orderNumber");
    }

    /**
     * The requested lot, a RELEASED lot of the SKU, unexpired today and at the ship date, and with stock; else why not
     * (400, 409). An override bends FEFO and the customer's shelf-life minimum, never quality: a lot expired by the
     * ship date is never allocated, as FEFO never allocates one (auditor 2026-12-06 G-f: it was offered to the QA
     * manager as an exception, and once approved sat allocated on stock the order could never ship on its date). Read
     * under its row lock (the caller holds the product's lock): what is judged here is what is allocated.
     */
    private Lot requestedLot(String lotNumber, Product product, LocalDate today, LocalDate shipDate) {
        Lot requested = lots.lockAllByLotNumber(List.of(lotNumber)).stream().findFirst()
                .filter(l -> l.getProduct().getId().equals(product.getId()) && l.getStatus() == LotStatus.RELEASED)
                .orElseThrow(() -> notAReleasedLotOf(lotNumber, product));
        if (requested.isExpiredOn(today)) {
            throw new StateConflict("Requested lot " + lotNumber + " expired on " + requested.getExpirationDate()
                    + "; expired lots are never allocated").with("field", "requestedLot").with("lotNumber", lotNumber);
        }
        if (requested.isExpiredOn(shipDate)) {
            throw new StateConflict("Requested lot " + lotNumber + " expires on " + requested.getExpirationDate()
                    + ", before the ship date " + shipDate + " (requiredBy): a lot expired when it ships is never"
                    + " allocated, even by override").with("field", "requestedLot").with("lotNumber", lotNumber);
        }
        if (requested.getAvailable().signum() <= 0) {
            throw new StateConflict("Requested lot " + lotNumber + " has no stock available")
                    .with("field", "requestedLot").with("lotNumber", lotNumber);
        }
        return requested;
    }

    /** The requested lot is not a released lot of the SKU: say precisely why (400 or 409). */
    private RuntimeException notAReleasedLotOf(String lotNumber, Product product) {
        Optional<Lot> lot = lots.findByLotNumber(lotNumber);
        if (lot.isEmpty()) {
            return new InvalidInput("requestedLot", "no lot '" + lotNumber + "'");
        }
        Lot l = lot.get();
        if (!l.getProduct().getId().equals(product.getId())) {
            return new InvalidInput("requestedLot", "lot " + lotNumber + " is of SKU " + l.getProduct().getSku()
                    + ", not " + product.getSku());
        }
        return new StateConflict("Requested lot " + lotNumber + " is " + l.getStatus()
                + "; only RELEASED lots can be allocated, even by override").with("field", "requestedLot")
                .with("lotNumber", lotNumber).with("lotStatus", l.getStatus().name());
    }

    private void requestOverride(SalesOrder order, Lot requested, String reason) {
        order.requestOverride(reason);
        orders.save(order);
        history.event(requested.getId(), OrderEventTypes.OVERRIDE_REQUESTED)
                .reason(reason).detail("orderNumber", order.getOrderNumber())
                .detail("customer", order.getCustomer()).detail("quantity", order.getQuantity())
                .detail("requestReason", order.getRequestReason()).record();
        // no variables: every step of the process finds the order by its business key; its start
        // listener binds the process to the order row (OverrideRequest.bindProcess)
        overrideProcess.start(order.getOrderNumber());
    }
}
