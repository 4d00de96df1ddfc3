package org.lotflow.order;

import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.NotFound;
import org.lotflow.shared.StateConflict;
import org.lotflow.shared.NotPermitted;
import org.lotflow.shared.FourEyesViolation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.lotflow.history.LotHistory;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotStock;
import org.lotflow.lot.LotService;
import org.lotflow.lot.LotStatus;
import org.lotflow.lot.LotStatusChanged;
import org.lotflow.product.Product;
import org.lotflow.product.ProductRepository;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.ElectronicSignatures;
import org.lotflow.security.Groups;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders, FEFO allocation, overrides, cancellations and shipments.
 *
 * <p><b>Locking.</b> Every write that changes a lot's {@code allocated}/{@code shipped} first takes
 * row locks ({@code SELECT ... FOR UPDATE}) on the lots involved, always in ascending id order:
 * allocation locks all released lots of the SKU (the candidate set), shipment and cancellation
 * lock the order row first and then the lots of its open allocations. A fixed lock order means
 * concurrent requests queue instead of deadlocking, and behave the same on H2 and PostgreSQL. The
 * lot's {@code @Version} column is a second line of defence (a writer that skipped the lock gets a
 * 409, never a lost update), and the database check {@code allocated + shipped + consumed <= quantity}
 * a third. Order quantities are derived from the allocations, never stored, so the lot-status
 * listener (which holds only a lot lock) never needs the order row: no lock cycle.
 * Data read before a lock is taken is read as plain ids, so no stale entity reaches a write.
 */
@Service
public class OrderService {

    public static final String OVERRIDE_PROCESS = "allocationOverride";
    public static final String TASK_APPROVE_OVERRIDE = "approveOverride";
    private static final Set<LotStatus> LOSES_ALLOCATIONS = Set.of(LotStatus.REJECTED, LotStatus.RECALLED,
            LotStatus.EXPIRED);

    private final SalesOrderRepository orders;
    private final AllocationRepository allocations;
    private final ShipmentRepository shipments;
    private final LotStock lots;
    private final LotService lotService;
    private final ProductRepository products;
    private final LotHistory history;
    private final CurrentUser currentUser;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final Clock clock;
    private final ElectronicSignatures signatures;

    public OrderService(SalesOrderRepository orders, AllocationRepository allocations, ShipmentRepository shipments,
            LotStock lots, LotService lotService, ProductRepository products, LotHistory history,
            CurrentUser currentUser, RuntimeService runtimeService, IdentityService identityService, Clock clock,
            ElectronicSignatures signatures) {
        this.orders = orders;
        this.allocations = allocations;
        this.shipments = shipments;
        this.lots = lots;
        this.lotService = lotService;
        this.products = products;
        this.history = history;
        this.currentUser = currentUser;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.clock = clock;
        this.signatures = signatures;
    }

    public record NewOrder(String orderNumber, String customer, String sku, BigDecimal quantity, LocalDate requiredBy,
            Integer minShelfLifeMonths, String requestedLot) {
    }

    /** The answer to a shipment request: the order and the shipment lines this call created. */
    public record ShipmentResult(OrderView order, List<OrderView.ShipmentLine> shipped) {
        public boolean created() {
            return !shipped.isEmpty();
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // ------------------------------------------------------------------ orders and allocation

    /**
     * Creates an order and allocates it at once by FEFO (partially if stock is short, never more
     * than a lot holds). A requested lot that FEFO would not pick first, or that breaks the
     * shelf-life minimum, allocates nothing yet and starts {@code allocationOverride}.
     */
    @Transactional
    public OrderView create(NewOrder in) {
        currentUser.require(Groups.SALES);
        validate(in);
        Product product = products.findBySku(in.sku())
                .orElseThrow(() -> new InvalidInput("sku", "no product with SKU '" + in.sku() + "'"));
        if (orders.existsByOrderNumber(in.orderNumber())) {
            throw new StateConflict("Order " + in.orderNumber() + " already exists").with("field", "orderNumber");
        }
        LocalDate today = today();
        LocalDate shipDate = in.requiredBy() == null ? today : in.requiredBy();

        SalesOrder order = new SalesOrder(in.orderNumber(), in.customer().trim(), product.getId(), in.quantity(),
                in.requiredBy(), in.minShelfLifeMonths(), in.requestedLot(), clock.instant(), currentUser.id());
        try {
            order = orders.saveAndFlush(order);
        } catch (DataIntegrityViolationException e) {
            throw new StateConflict("Order " + in.orderNumber() + " already exists").with("field", "orderNumber");
        }

        // Lock the candidate lots of the SKU (ascending id) before looking at their quantities.
        List<Lot> candidates = lots.lockReleasedOfProduct(product.getId());

        if (in.requestedLot() != null) {
            Lot requested = candidates.stream().filter(l -> l.getLotNumber().equals(in.requestedLot())).findFirst()
                    .orElse(null);
            if (requested == null) {
                requestedLotRefusal(in.requestedLot(), product, today); // always throws
            }
            if (requested.isExpiredOn(today)) {
                throw new StateConflict("Requested lot " + requested.getLotNumber() + " expired on "
                        + requested.getExpirationDate() + "; expired lots are never allocated")
                        .with("field", "requestedLot").with("lotNumber", requested.getLotNumber());
            }
            if (requested.getAvailable().signum() <= 0) {
                throw new StateConflict("Requested lot " + requested.getLotNumber() + " has no stock available")
                        .with("field", "requestedLot").with("lotNumber", requested.getLotNumber());
            }
            String reason = overrideReason(order, requested, candidates, today, shipDate);
            if (reason != null) {
                order.requestOverride(reason);
                orders.save(order);
                history.event(requested.getId(), OrderEventTypes.OVERRIDE_REQUESTED)
                        .reason(reason).detail("orderNumber", order.getOrderNumber())
                        .detail("customer", order.getCustomer()).detail("quantity", order.getQuantity()).record();
                // no variables: every step of the process finds the order by its business key; the
                // start listener binds this process to the order row (bindOverrideProcess)
                runtimeService.startProcessInstanceByKey(OVERRIDE_PROCESS, order.getOrderNumber());
                return view(order);
            }
        }
        allocateByFefo(order, candidates, order.getQuantity(), null);
        return view(order);
    }

    private void validate(NewOrder in) {
        if (in.orderNumber() == null || in.orderNumber().isBlank()) {
            throw new InvalidInput("orderNumber", "must not be empty");
        }
        if (!in.orderNumber().matches("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}")) {
            throw new InvalidInput("orderNumber",
                    "must be 1-64 letters, digits, '.', '_', '/' or '-', starting with a letter or digit");
        }
        if (in.customer() == null || in.customer().isBlank()) {
            throw new InvalidInput("customer", "must not be empty");
        }
        if (in.customer().length() > 200) {
            throw new InvalidInput("customer", "must be at most 200 characters");
        }
        if (in.sku() == null || in.sku().isBlank()) {
            throw new InvalidInput("sku", "must not be empty");
        }
        if (in.quantity() == null) {
            throw new InvalidInput("quantity", "is required");
        }
        if (in.quantity().signum() <= 0) {
            throw new InvalidInput("quantity", "must be greater than 0, was " + in.quantity().toPlainString());
        }
        if (in.quantity().stripTrailingZeros().scale() > 3) {
            throw new InvalidInput("quantity", "must have at most 3 decimals");
        }
        if (in.quantity().compareTo(new BigDecimal("1000000000000")) >= 0) {
            throw new InvalidInput("quantity", "is too large");
        }
        if (in.minShelfLifeMonths() != null && (in.minShelfLifeMonths() < 0 || in.minShelfLifeMonths() > 240)) {
            throw new InvalidInput("minShelfLifeMonths", "must be between 0 and 240");
        }
        if (in.requiredBy() != null && in.requiredBy().isBefore(today())) {
            throw new InvalidInput("requiredBy", "must not be in the past (today is " + today() + ")");
        }
        if (in.requestedLot() != null && in.requestedLot().isBlank()) {
            throw new InvalidInput("requestedLot", "must not be empty when given");
        }
    }

    /** The requested lot is not a released lot of the SKU: say precisely why (400, 404 or 409). */
    private void requestedLotRefusal(String lotNumber, Product product, LocalDate today) {
        Optional<Lot> lot = lots.findByLotNumber(lotNumber);
        if (lot.isEmpty()) {
            throw new InvalidInput("requestedLot", "no lot '" + lotNumber + "'");
        }
        Lot l = lot.get();
        if (!l.getProduct().getId().equals(product.getId())) {
            throw new InvalidInput("requestedLot", "lot " + lotNumber + " is of SKU " + l.getProduct().getSku()
                    + ", not " + product.getSku());
        }
        throw new StateConflict("Requested lot " + lotNumber + " is " + l.getStatus()
                + "; only RELEASED lots can be allocated, even by override").with("field", "requestedLot")
                .with("lotNumber", lotNumber).with("lotStatus", l.getStatus().name());
    }

    /** Why allocating the requested lot is an exception, or null when FEFO would take it first anyway. */
    private String overrideReason(SalesOrder order, Lot requested, List<Lot> candidates, LocalDate today,
            LocalDate shipDate) {
        List<String> reasons = new ArrayList<>();
        if (!Fefo.releasable(requested, today, shipDate)) {
            reasons.add("lot " + requested.getLotNumber() + " expires on " + requested.getExpirationDate()
                    + ", before the ship date " + shipDate);
        } else if (!Fefo.meetsShelfLife(requested, shipDate, order.getMinShelfLifeMonths())) {
            reasons.add("shelf-life minimum broken: lot " + requested.getLotNumber() + " has "
                    + Fefo.monthsRemaining(requested, shipDate).toPlainString() + " months left at " + shipDate
                    + ", the customer requires " + order.getMinShelfLifeMonths());
        }
        List<Lot> skipped = skippedLots(order, requested, candidates, today, shipDate);
        if (!skipped.isEmpty()) {
            reasons.add("FEFO broken: skips older lot(s) " + skipped.stream()
                    .map(l -> l.getLotNumber() + " (expires " + l.getExpirationDate() + ", "
                            + l.getAvailable().stripTrailingZeros().toPlainString() + " available)")
                    .collect(Collectors.joining(", ")));
        }
        return reasons.isEmpty() ? null : "Requested lot " + requested.getLotNumber() + ": " + String.join("; ", reasons);
    }

    private List<Lot> skippedLots(SalesOrder order, Lot requested, List<Lot> candidates, LocalDate today,
            LocalDate shipDate) {
        return candidates.stream()
                .filter(l -> !l.getId().equals(requested.getId()))
                .filter(l -> Fefo.eligible(l, today, shipDate, order.getMinShelfLifeMonths()))
                .filter(l -> Fefo.ORDER.compare(l, requested) < 0)
                .sorted(Fefo.ORDER).toList();
    }

    /**
     * Allocates up to {@code needed} from the (locked) candidates in FEFO order under the normal
     * rules; returns what could not be allocated.
     */
    private BigDecimal allocateByFefo(SalesOrder order, List<Lot> lockedCandidates, BigDecimal needed,
            Long excludeLotId) {
        LocalDate today = today();
        LocalDate shipDate = order.getRequiredBy() == null || order.getRequiredBy().isBefore(today) ? today
                : order.getRequiredBy();
        List<Lot> eligible = lockedCandidates.stream()
                .filter(l -> !l.getId().equals(excludeLotId))
                .filter(l -> Fefo.eligible(l, today, shipDate, order.getMinShelfLifeMonths()))
                .sorted(Fefo.ORDER).toList();
        BigDecimal remaining = needed;
        for (Lot lot : eligible) {
            if (remaining.signum() <= 0) {
                break;
            }
            BigDecimal take = lot.getAvailable().min(remaining);
            allocate(order, lot, take, true, null, null, null);
            remaining = remaining.subtract(take);
        }
        return remaining;
    }

    private Allocation allocate(SalesOrder order, Lot lot, BigDecimal quantity, boolean fefo, String approvedBy,
            String overrideReason, String comment) {
        lots.allocate(lot, quantity);
        Allocation a = new Allocation(order.getId(), lot.getId(), quantity, fefo, clock.instant(), currentUser.id());
        if (!fefo) {
            a.approvedOverride(approvedBy, overrideReason, comment);
        }
        a = allocations.save(a);
        // an override's allocation is the approver's decision carried out by the engine: record it as theirs
        history.event(lot.getId(), OrderEventTypes.ALLOCATED).by(fefo ? currentUser.id() : approvedBy)
                .reason(fefo ? "Allocated to order " + order.getOrderNumber() + " by FEFO"
                        : "Allocated to order " + order.getOrderNumber() + " by override approved by "
                                + currentUser.fullName(approvedBy))
                .detail("orderNumber", order.getOrderNumber()).detail("customer", order.getCustomer())
                .detail("quantity", quantity).detail("fefo", fefo).detail("approvedBy", approvedBy)
                .detail("overrideReason", overrideReason).detail("available", lot.getAvailable()).record();
        return a;
    }

    // ------------------------------------------------------------------ overrides

    /**
     * Start listener of {@code allocationOverride}: binds the process instance to the order whose
     * number is its business key. The contract lets only an order that asks for an exception start
     * the process, so a start is refused (403, nothing started) unless {@link #create} has just
     * asked for an override of that order in this transaction and no process is bound yet (409 for an
     * order that already has one). The order row is locked, so two starts cannot both bind it; a
     * user cannot forge this, because the row is only written by lotflow (issue #8).
     */
    @Transactional
    public void bindOverrideProcess(String orderNumber, String processInstanceId) {
        SalesOrder order = orderNumber == null ? null : orders.lockByOrderNumber(orderNumber).orElse(null);
        if (order == null || !order.isOverridePending()) {
            throw new NotPermitted("allocationOverride is started only by an order that asks for an exception "
                    + "to FEFO or shelf-life rules (POST /api/orders with requestedLot); "
                    + (orderNumber == null ? "no order number was given as business key"
                            : "order '" + orderNumber + "' has no pending override request"));
        }
        if (order.getOverrideProcessInstanceId() != null || order.getOverrideDecision() != null) {
            throw new StateConflict("Order " + orderNumber + " already has its allocationOverride process")
                    .with("orderNumber", orderNumber);
        }
        order.bindOverrideProcess(processInstanceId);
        orders.save(order);
    }

    /** The order of an override process: by business key, and only the process bound to it. */
    private SalesOrder overrideOrder(String orderNumber, String processInstanceId, boolean lock) {
        Optional<SalesOrder> found = orderNumber == null ? Optional.empty()
                : lock ? orders.lockByOrderNumber(orderNumber) : orders.findByOrderNumber(orderNumber);
        SalesOrder order = found.orElseThrow(() -> new NotFound("Order", String.valueOf(orderNumber)));
        if (!order.isOverrideProcess(processInstanceId)) {
            throw new StateConflict("Process " + processInstanceId + " is not the override process of order "
                    + orderNumber).with("orderNumber", orderNumber);
        }
        return order;
    }

    /** The order and lot an override task shows, for the task form (task-local display values). */
    @Transactional(readOnly = true)
    public Map<String, Object> overrideFormData(String orderNumber, String processInstanceId) {
        SalesOrder order = overrideOrder(orderNumber, processInstanceId, false);
        Product product = products.findById(order.getProductId()).orElseThrow();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderNumber", order.getOrderNumber());
        data.put("customer", order.getCustomer());
        data.put("sku", product.getSku());
        data.put("productName", product.getName());
        data.put("orderQuantity", order.getQuantity().stripTrailingZeros().toPlainString() + " " + product.getUnit());
        data.put("requestedLot", order.getRequestedLot());
        data.put("requiredBy", order.getRequiredBy() == null ? "as soon as possible" : order.getRequiredBy().toString());
        data.put("minShelfLife", order.getMinShelfLifeMonths() == null ? "none"
                : order.getMinShelfLifeMonths() + " months");
        data.put("overrideReason", order.getOverrideReason() == null ? "" : order.getOverrideReason());
        data.put("requestedBy", currentUser.fullName(order.getCreatedBy()));
        return data;
    }

    /**
     * The QA manager's decision on {@code approveOverride}, an electronic signature (21 CFR Part 11)
     * in the requested lot's history and recorded on the order row, where the outcome service tasks
     * re-check it. The order is the one bound to the task's process (business key), never a
     * variable. The inputs are the task form's fields: {@code approved} (Boolean, required, no
     * default) and {@code comment} (non-blank text, at most 2000 characters). Refused (the task
     * stays open, nothing changes) for a missing or mistyped input (400), for anyone but a QA manager
     * (sales included) and for the person who asked for it (403, four eyes), and for an override that
     * is no longer pending or already decided (409). Returns the decision.
     */
    @Transactional
    public boolean decideOverride(String orderNumber, String processInstanceId, Object approvedInput,
            Object commentInput) {
        if (!(approvedInput instanceof Boolean approved)) {
            throw new InvalidInput("approved", approvedInput == null
                    ? "a decision (true or false) is required" : "must be true or false (a Boolean)");
        }
        if (commentInput != null && !(commentInput instanceof String)) {
            throw new InvalidInput("comment", "must be text");
        }
        String comment = (String) commentInput;
        if (comment == null || comment.isBlank()) {
            throw new InvalidInput("comment", "give the reason for the decision");
        }
        if (comment.length() > 2000) {
            throw new InvalidInput("comment", "at most 2000 characters");
        }
        if (!currentUser.isAuthenticated()) {
            throw new NotPermitted("An override decision must be made by a logged-in QA manager");
        }
        String user = currentUser.id();
        if (!currentUser.isInAnyGroup(Groups.QA_MANAGER)) {
            throw new NotPermitted("Only a QA manager may decide an allocation override; " + user
                    + " is not one");
        }
        SalesOrder order = overrideOrder(orderNumber, processInstanceId, true);
        if (user.equals(order.getCreatedBy())) {
            throw new FourEyesViolation(user, "asked for this override", "decide it");
        }
        if (!order.isOverridePending() || order.getOverrideDecision() != null) {
            throw new StateConflict("The override of order " + orderNumber + " is "
                    + (order.getOverrideDecision() != null ? "already decided (" + order.getOverrideDecision() + ")"
                            : order.getOverrideStatus()) + "; it cannot be decided again")
                    .with("orderNumber", orderNumber);
        }
        String meaning = approved ? "allocation override approval" : "allocation override refusal";
        signatures.sign(meaning, "order " + orderNumber); // user id and password at this signing (21 CFR 11.200)
        Lot lot = lots.findByLotNumber(order.getRequestedLot()).orElseThrow();
        history.event(lot.getId(), approved ? OrderEventTypes.OVERRIDE_APPROVED : OrderEventTypes.OVERRIDE_REFUSED)
                .by(user).reason(comment.trim()).detail("orderNumber", order.getOrderNumber())
                .detail("overrideReason", order.getOverrideReason())
                .signature(meaning).record();
        order.signOverrideDecision(approved, user, comment, clock.instant());
        orders.save(order);
        return approved;
    }

    /** The signed decision an outcome task carries out, re-checked on the order row; refused (409) otherwise. */
    private static void requireDecision(SalesOrder order, OverrideStatus expected) {
        if (!expected.name().equals(order.getOverrideDecision()) || order.getOverrideDecisionBy() == null) {
            throw new StateConflict("Order " + order.getOrderNumber() + " has no signed override decision "
                    + expected + " (recorded: " + order.getOverrideDecision() + "); nothing is allocated")
                    .with("orderNumber", order.getOrderNumber());
        }
    }

    /**
     * Outcome of an approved override (service task {@code allocateRequestedLot}): allocates the
     * requested lot (fefo=false, approved_by), the rest of the order by FEFO. Returns false when the
     * lot no longer has stock (or is no longer released and unexpired): then the whole order is
     * allocated by FEFO instead. The order comes from the business key and the approval from the
     * order row (the QA manager's signed decision), never from process variables: without a
     * recorded approval it refuses (409) and allocates nothing (issue #8).
     */
    @Transactional
    public boolean applyApprovedOverride(String orderNumber, String processInstanceId) {
        SalesOrder order = overrideOrder(orderNumber, processInstanceId, true);
        if (!order.isOverridePending()) {
            return false; // withdrawn (order cancelled) or already carried out: nothing to do
        }
        requireDecision(order, OverrideStatus.APPROVED);
        String approvedBy = order.getOverrideDecisionBy();
        String comment = order.getOverrideDecisionComment();
        List<Lot> candidates = lots.lockReleasedOfProduct(order.getProductId());
        Lot requested = candidates.stream().filter(l -> l.getLotNumber().equals(order.getRequestedLot())).findFirst()
                .orElse(null);
        if (requested == null || requested.isExpiredOn(today()) || requested.getAvailable().signum() <= 0) {
            order.decideOverride(OverrideStatus.LOT_UNAVAILABLE, approvedBy, comment);
            allocateByFefo(order, candidates, order.getQuantity(), null);
            return false;
        }
        BigDecimal take = requested.getAvailable().min(order.getQuantity());
        allocate(order, requested, take, false, approvedBy, order.getOverrideReason(), comment);
        order.decideOverride(OverrideStatus.APPROVED, approvedBy, comment);
        allocateByFefo(order, candidates, order.getQuantity().subtract(take), requested.getId());
        return true;
    }

    /**
     * Outcome of a refused override (service task {@code allocateByFefo}): the order is allocated by
     * FEFO under the normal rules. Like the approval, it acts only on the refusal recorded on the
     * order row (409 otherwise).
     */
    @Transactional
    public void applyRefusedOverride(String orderNumber, String processInstanceId) {
        SalesOrder order = overrideOrder(orderNumber, processInstanceId, true);
        if (!order.isOverridePending()) {
            return;
        }
        requireDecision(order, OverrideStatus.REFUSED);
        List<Lot> candidates = lots.lockReleasedOfProduct(order.getProductId());
        order.decideOverride(OverrideStatus.REFUSED, order.getOverrideDecisionBy(), order.getOverrideDecisionComment());
        allocateByFefo(order, candidates, order.getQuantity(), null);
    }

    // ------------------------------------------------------------------ cancellation

    /**
     * Cancels an order: its open allocations go back to stock (shipped quantities stay shipped), a
     * pending override is withdrawn. Cancelling a cancelled order changes nothing.
     */
    @Transactional
    public OrderView cancel(String orderNumber) {
        currentUser.require(Groups.SALES);
        SalesOrder order = orders.lockByOrderNumber(orderNumber)
                .orElseThrow(() -> new NotFound("Order", orderNumber));
        if (order.isCancelled()) {
            return view(order);
        }
        List<Long> lotIds = allocations.lotIdsOf(order.getId(), Allocation.Status.OPEN);
        Map<Long, Lot> locked = lockLots(lotIds);
        List<Allocation> open = allocations.findByOrderIdAndStatusOrderById(order.getId(), Allocation.Status.OPEN);
        BigDecimal shipped = sum(allocations.findByOrderIdAndStatusOrderById(order.getId(), Allocation.Status.SHIPPED));
        if (open.isEmpty() && !order.isOverridePending() && shipped.compareTo(order.getQuantity()) >= 0) {
            throw new StateConflict("Order " + orderNumber + " is fully shipped; there is nothing to cancel");
        }
        String reason = "Order " + orderNumber + " cancelled by " + currentUser.fullName(currentUser.id());
        for (Allocation a : open) {
            release(locked.get(a.getLotId()), a, order, reason);
        }
        boolean overridePending = order.isOverridePending();
        order.cancel(clock.instant(), currentUser.id());
        orders.save(order);
        if (overridePending) {
            withoutAuthorization(() -> runtimeService.createProcessInstanceQuery()
                    .processDefinitionKey(OVERRIDE_PROCESS).processInstanceBusinessKey(orderNumber).list()
                    .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), reason)));
        }
        return view(order);
    }

    private void release(Lot lot, Allocation a, SalesOrder order, String reason) {
        lots.deallocate(lot, a.getQuantity());
        a.cancel(clock.instant(), reason);
        allocations.save(a);
        history.event(lot.getId(), OrderEventTypes.DEALLOCATED).reason(reason)
                .detail("orderNumber", order.getOrderNumber()).detail("quantity", a.getQuantity())
                .detail("available", lot.getAvailable()).record();
    }

    /**
     * A lot that becomes REJECTED, RECALLED or EXPIRED loses its open allocations, in the
     * transaction of the status change; the orders' shortfall grows by those quantities.
     * QUARANTINE keeps them (they just cannot ship until the lot is released again).
     */
    @EventListener
    public void onLotStatusChanged(LotStatusChanged changed) {
        if (!LOSES_ALLOCATIONS.contains(changed.current())) {
            return;
        }
        if (!allocations.existsByLotIdAndStatus(changed.lotId(), Allocation.Status.OPEN)) {
            return;
        }
        Lot lot = lots.lockAll(List.of(changed.lotId())).get(0);
        String reason = "Lot " + changed.lotNumber() + " became " + changed.current()
                + (changed.reason() == null ? "" : ": " + changed.reason());
        for (Allocation a : allocations.findByLotIdAndStatusOrderById(changed.lotId(), Allocation.Status.OPEN)) {
            SalesOrder order = orders.findById(a.getOrderId()).orElseThrow();
            release(lot, a, order, reason);
        }
    }

    // ------------------------------------------------------------------ shipments

    /**
     * Ships every open allocation of the order. Nothing left to ship: nothing happens (the caller
     * answers 200). Any lot that may not ship (not RELEASED, or expired by date) refuses the whole
     * shipment with a 409 naming the lot and why.
     */
    @Transactional
    public ShipmentResult ship(String orderNumber, LocalDate shippedAt, String carrier) {
        currentUser.require(Groups.SALES);
        LocalDate today = today();
        if (shippedAt != null && shippedAt.isAfter(today)) {
            throw new InvalidInput("shippedAt", "must not be in the future (today is " + today + ")");
        }
        if (carrier != null && carrier.length() > 200) {
            throw new InvalidInput("carrier", "must be at most 200 characters");
        }
        LocalDate date = shippedAt == null ? today : shippedAt;
        SalesOrder order = orders.lockByOrderNumber(orderNumber)
                .orElseThrow(() -> new NotFound("Order", orderNumber));
        if (order.isCancelled()) {
            throw new StateConflict("Order " + orderNumber + " is cancelled; it cannot ship");
        }
        if (date.isBefore(LocalDate.ofInstant(order.getCreatedAt(), clock.getZone()))) {
            throw new InvalidInput("shippedAt", "must not be before the order was placed");
        }
        Map<Long, Lot> locked = lockLots(allocations.lotIdsOf(order.getId(), Allocation.Status.OPEN));
        List<Allocation> open = allocations.findByOrderIdAndStatusOrderById(order.getId(), Allocation.Status.OPEN);
        if (open.isEmpty()) {
            return new ShipmentResult(view(order), List.of());
        }
        List<String> refusals = new ArrayList<>();
        for (Lot lot : locked.values()) {
            if (lot.isExpiredOn(today) || lot.isExpiredOn(date)) {
                refusals.add("lot " + lot.getLotNumber() + " expired on " + lot.getExpirationDate());
            } else if (lot.getStatus() != LotStatus.RELEASED) {
                refusals.add("lot " + lot.getLotNumber() + " is " + lot.getStatus()
                        + (lot.getStatus() == LotStatus.QUARANTINE ? " (on hold until released)" : ""));
            }
        }
        if (!refusals.isEmpty()) {
            throw new StateConflict("Order " + orderNumber + " cannot ship: " + String.join("; ", refusals))
                    .with("lots", refusals);
        }
        List<OrderView.ShipmentLine> lines = new ArrayList<>();
        for (Allocation a : open) {
            Lot lot = locked.get(a.getLotId());
            lots.ship(lot, a.getQuantity());
            a.shipped(clock.instant());
            allocations.save(a);
            shipments.save(new Shipment(order.getId(), lot.getId(), order.getCustomer(), a.getQuantity(), date,
                    carrier, clock.instant(), currentUser.id()));
            history.event(lot.getId(), OrderEventTypes.SHIPPED)
                    .reason("Shipped to " + order.getCustomer() + " on order " + orderNumber)
                    .detail("orderNumber", orderNumber).detail("customer", order.getCustomer())
                    .detail("quantity", a.getQuantity()).detail("shippedAt", date.toString())
                    .detail("carrier", carrier).record();
            lines.add(new OrderView.ShipmentLine(lot.getLotNumber(), a.getQuantity(), date, carrier));
        }
        for (Lot lot : locked.values()) {
            if (lot.isFullyUsed()) {
                lotService.changeStatus(lot, LotStatus.DEPLETED, "All stock shipped or consumed");
            }
        }
        return new ShipmentResult(view(order), lines);
    }

    // ------------------------------------------------------------------ reading

    @Transactional(readOnly = true)
    public OrderView get(String orderNumber) {
        return view(orders.findByOrderNumber(orderNumber).orElseThrow(() -> new NotFound("Order", orderNumber)));
    }

    @Transactional(readOnly = true)
    public OrderView get(Long orderId) {
        return view(orders.findById(orderId).orElseThrow(() -> new NotFound("Order", "#" + orderId)));
    }

    private Map<Long, Lot> lockLots(List<Long> lotIds) {
        if (lotIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Lot> locked = new LinkedHashMap<>();
        for (Lot l : lots.lockAll(lotIds.stream().sorted().toList())) {
            locked.put(l.getId(), l);
        }
        return locked;
    }

    private static BigDecimal sum(List<Allocation> list) {
        return list.stream().map(Allocation::getQuantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    OrderView view(SalesOrder order) {
        Product product = products.findById(order.getProductId()).orElseThrow();
        List<Allocation> all = allocations.findByOrderIdOrderById(order.getId());
        List<Shipment> sent = shipments.findByOrderIdOrderById(order.getId());
        List<Long> lotIds = new ArrayList<>();
        all.forEach(a -> lotIds.add(a.getLotId()));
        sent.forEach(s -> lotIds.add(s.getLotId()));
        Map<Long, Lot> byId = lots.findAllById(lotIds).stream().collect(Collectors.toMap(Lot::getId, Function.identity()));
        BigDecimal open = sum(all.stream().filter(Allocation::isOpen).toList());
        BigDecimal shipped = sum(all.stream().filter(a -> a.getStatus() == Allocation.Status.SHIPPED).toList());
        BigDecimal allocated = open.add(shipped);
        BigDecimal shortfall = order.getQuantity().subtract(allocated);
        String status;
        if (order.isCancelled()) {
            status = "CANCELLED";
        } else if (order.isOverridePending()) {
            status = "OVERRIDE_PENDING";
        } else if (shipped.compareTo(order.getQuantity()) >= 0) {
            status = "SHIPPED";
        } else if (shipped.signum() > 0) {
            status = "PARTIALLY_SHIPPED";
        } else if (shortfall.signum() <= 0) {
            status = "ALLOCATED";
        } else if (allocated.signum() > 0) {
            status = "PARTIALLY_ALLOCATED";
        } else {
            status = "UNALLOCATED";
        }
        OrderView.Override override = order.getOverrideStatus() == null ? null
                : new OrderView.Override(order.getOverrideStatus(), order.isOverridePending(), order.getRequestedLot(),
                        order.getOverrideReason(), order.getOverrideDecidedBy(), order.getOverrideComment());
        List<OrderView.AllocationLine> lines = all.stream().map(a -> {
            Lot lot = byId.get(a.getLotId());
            return new OrderView.AllocationLine(lot.getLotNumber(), a.getQuantity(), lot.getExpirationDate(),
                    a.getStatus().name(), a.isFefo(), a.getApprovedBy(), a.getOverrideReason(), a.getCloseReason(),
                    a.getClosedAt());
        }).toList();
        List<OrderView.ShipmentLine> shipmentLines = sent.stream().map(s -> new OrderView.ShipmentLine(
                byId.get(s.getLotId()).getLotNumber(), s.getQuantity(), s.getShippedAt(), s.getCarrier())).toList();
        return new OrderView(order.getOrderNumber(), status, order.getCustomer(), product.getSku(),
                order.getQuantity(), allocated, shipped, shortfall, order.getRequiredBy(),
                order.getMinShelfLifeMonths(), order.getRequestedLot(), override, lines, shipmentLines,
                order.getCreatedAt(), order.getCreatedBy());
    }

    /** Runs engine calls the acting user has no Camunda permission for (a withdrawal), then restores the user. */
    private void withoutAuthorization(Runnable action) {
        Authentication auth = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            action.run();
        } finally {
            if (auth != null) {
                identityService.setAuthentication(auth);
            }
        }
    }

    /** For the tests and reports: the process instance of a pending override, if any. */
    public Optional<ProcessInstance> overrideProcess(String orderNumber) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(OVERRIDE_PROCESS)
                .processInstanceBusinessKey(orderNumber).list().stream().findFirst();
    }

}
