package org.lotflow.order.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotStock;
import org.lotflow.order.OrderView;
import org.lotflow.product.Product;
import org.lotflow.product.ProductService;
import org.lotflow.security.CurrentUser;
import org.lotflow.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order module's read side: an order as the API shows it ({@link OrderView}, its status by
 * {@link OrderStatus}), and what the {@code approveOverride} form shows.
 */
@Service
public class OrderQueries {

    private final SalesOrderRepository orders;
    private final AllocationRepository allocations;
    private final ShipmentRepository shipments;
    private final LotStock lots;
    private final ProductService products;
    private final OrderLocking locking;
    private final CurrentUser currentUser;
    private final org.lotflow.serial.SerialLedger serials;

    private final OverrideStanding standing;
    private final OverrideSignatures overrideSignatures;

    public OrderQueries(SalesOrderRepository orders, AllocationRepository allocations, ShipmentRepository shipments,
            LotStock lots, ProductService products, OrderLocking locking, CurrentUser currentUser,
            org.lotflow.serial.SerialLedger serials, OverrideStanding standing, OverrideSignatures overrideSignatures) {
        this.overrideSignatures = overrideSignatures;
        this.serials = serials;
        this.standing = standing;
        this.orders = orders;
        this.allocations = allocations;
        this.shipments = shipments;
        this.lots = lots;
        this.products = products;
        this.locking = locking;
        this.currentUser = currentUser;
    }

    /**
     * What a QA manager sees on {@code approveOverride}: the order and why it is an exception. Quantities
     * in the product's unit; {@code requiredBy} null means as soon as possible, {@code minShelfLifeMonths}
     * null means none.
     */
    public record OverrideFacts(String orderNumber, String customer, String sku, String productName,
            BigDecimal quantity, String unit, String requestedLot, LocalDate requiredBy, Integer minShelfLifeMonths,
            String overrideReason, String requestedBy, String requestReason, String requesterId) {
    }

    /**
     * The order number as stored for a number typed in any case ("so-2025-1345" names SO-2025-1345: order numbers are
     * unique whatever their case, as lot numbers and SKUs, and found so; auditor round 22 L2); {@code typed} itself when
     * no order has it (the lookup that follows says 404) or when it is not written in an order number's own alphabet
     * (ASCII letters, digits, '.', '_', '/', '-': a Turkish dotless i would upper-case to I and name another order).
     */
    @Transactional(readOnly = true)
    public String storedNumber(String typed) {
        if (typed == null || !typed.matches("[A-Za-z0-9._/-]{1,64}") || orders.existsByOrderNumber(typed)) {
            return typed;
        }
        return orders.findOrderNumberIgnoringCase(typed).orElse(typed);
    }

    /** The order; {@link NotFound} (404) when there is none with this number. */
    @Transactional(readOnly = true)
    public OrderView get(String orderNumber) {
        return view(orders.findByOrderNumber(storedNumber(orderNumber))
                .orElseThrow(() -> new NotFound("Order", orderNumber)));
    }

    /**
     * The facts of the override the process {@code processInstanceId} decides (the order of its business
     * key, 409 when the process is not the one bound to it, 404 when there is no such order).
     */
    @Transactional(readOnly = true)
    public OverrideFacts overrideFacts(String orderNumber, String processInstanceId) {
        SalesOrder order = locking.overrideOrder(orderNumber, processInstanceId, false);
        Product product = products.get(order.getProductId());
        return new OverrideFacts(order.getOrderNumber(), order.getCustomer(), product.getSku(), product.getName(),
                order.getQuantity(), product.getUnit(), order.getRequestedLot(), order.getRequiredBy(),
                order.getMinShelfLifeMonths(), order.getOverrideReason(), currentUser.nameWithId(order.getCreatedBy()),
                order.getRequestReason(), order.getCreatedBy());
    }

    /**
     * How the override of the order of an override process stands now ({@link OverrideStanding}): the approval form
     * shows it when it is opened.
     */
    public OverrideStanding.Standing overrideStanding(String orderNumber, String processInstanceId) {
        return standing.of(locking.overrideOrder(orderNumber, processInstanceId, false), "now");
    }

    /** The order as the API shows it, read in the caller's transaction (after its writes). */
    public OrderView view(SalesOrder order) {
        return view(order, allocations.findByOrderIdOrderById(order.getId()),
                shipments.findByOrderIdOrderById(order.getId()));
    }

    /**
     * The view of an order just placed in this transaction, from the allocations it made (ascending id)
     * instead of reading them back: a new order has no other allocations and no shipments.
     */
    public OrderView viewOfNew(SalesOrder order, List<Allocation> made) {
        return view(order, made, List.of());
    }

    private OrderView view(SalesOrder order, List<Allocation> all, List<Shipment> sent) {
        Product product = products.get(order.getProductId());
        List<Long> lotIds = new ArrayList<>();
        all.forEach(a -> lotIds.add(a.getLotId()));
        sent.forEach(s -> lotIds.add(s.getLotId()));
        Map<Long, Lot> byId = lots.findAllById(lotIds).stream().collect(Collectors.toMap(Lot::getId, Function.identity()));
        BigDecimal open = sum(all.stream().filter(Allocation::isOpen).toList());
        BigDecimal shipped = sum(all.stream().filter(a -> a.getStatus() == Allocation.Status.SHIPPED).toList());
        BigDecimal allocated = open.add(shipped);
        String status = OrderStatus.of(order.isCancelled(), order.isOverridePending(), order.getQuantity(), open,
                shipped);
        // the decision's signature as the requested lot's history recorded it, never the order's columns (sig28 H1)
        org.lotflow.history.RecordedSignature signed = order.getOverrideStatus() == null ? null
                : overrideSignatures.of(order);
        OrderView.Override override = order.getOverrideStatus() == null ? null
                // the decision and its comment as signed too, never the order's columns (re-test N3)
                : new OrderView.Override(OrderView.Override.signedStatus(order.getOverrideStatus(), signed),
                        order.isOverridePending(), order.getRequestedLot(),
                        order.getOverrideReason(), signed == null ? order.getOverrideDecidedBy() : signed.userId(),
                        signed == null ? order.getOverrideComment() : signed.reason(),
                        signed == null ? null : signed.fullName(),
                        signed == null ? null : signed.at(), signed == null ? null : signed.meaning());
        List<OrderView.AllocationLine> lines = all.stream().map(a -> {
            Lot lot = byId.get(a.getLotId());
            return new OrderView.AllocationLine(lot.getLotNumber(), q(a.getQuantity()), lot.getExpirationDate(),
                    a.getStatus().name(), a.isFefo(), a.getApprovedBy(), a.getOverrideReason(), a.getCloseReason(),
                    a.getClosedAt(), a.getShelfLifeApprovedThrough());
        }).toList();
        // a serialised product's shipment lines list their serials (one query; none for other products)
        Map<Long, List<String>> serialsOf = product.isSerialised() && !sent.isEmpty()
                ? serials.ofShipments(sent.stream().map(Shipment::getId).toList()) : Map.of();
        List<OrderView.ShipmentLine> shipmentLines = sent.stream().map(s -> new OrderView.ShipmentLine(
                byId.get(s.getLotId()).getLotNumber(), q(s.getQuantity()), s.getShippedAt(), s.getCarrier(),
                serialsOf.get(s.getId()))).toList();
        return new OrderView(order.getOrderNumber(), status, order.getCustomer(), product.getSku(),
                q(order.getQuantity()), q(allocated), q(shipped), q(order.getQuantity().subtract(allocated)),
                order.getRequiredBy(),
                order.getMinShelfLifeMonths(), order.getRequestedLot(), order.getRequestReason(), override, lines, shipmentLines,
                order.getCreatedAt(), order.getCreatedBy(), order.getCancelledAt(), order.getCancelledBy());
    }

    /**
     * A quantity as every order answer gives it: 3 decimals, as the records keep them (re-test 2026-12-06 R13: 0, 0.0
     * and 500.000 in one answer). Quantities never hold more (they are refused), so nothing is rounded.
     */
    static BigDecimal q(BigDecimal quantity) {
        return quantity == null ? null : quantity.setScale(3, java.math.RoundingMode.UNNECESSARY);
    }

    static BigDecimal sum(List<Allocation> list) {
        return list.stream().map(Allocation::getQuantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
