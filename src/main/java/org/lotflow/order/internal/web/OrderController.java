package org.lotflow.order.internal.web;

import org.lotflow.shared.input.Quantity;
import org.lotflow.shared.input.Identifier;
import org.lotflow.shared.input.BusinessDate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.lotflow.order.NewOrder;
import org.lotflow.order.OrderPlacement;
import org.lotflow.order.OrderView;
import org.lotflow.order.Shipping;
import org.lotflow.order.internal.OrderCancellation;
import org.lotflow.order.internal.OrderQueries;
import org.lotflow.security.AllowedGroups;
import org.lotflow.security.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/orders} (contract: orders and shipments): places, reads, cancels and ships orders. Each
 * endpoint hands over to its use case; refusals are {@link org.lotflow.shared.Refusal}s that the problem
 * handler answers with their status.
 */
@RestController
@RequestMapping("/api/orders")
public class OrderController {

    private final OrderPlacement placement;
    private final OrderQueries queries;
    private final OrderCancellation cancellation;
    private final Shipping shipping;
    private final org.lotflow.order.OrderList list;
    private final org.lotflow.order.internal.ShortfallAllocation shortfalls;

    public OrderController(OrderPlacement placement, OrderQueries queries, OrderCancellation cancellation,
            Shipping shipping, org.lotflow.order.OrderList list,
            org.lotflow.order.internal.ShortfallAllocation shortfalls) {
        this.placement = placement;
        this.queries = queries;
        this.cancellation = cancellation;
        this.shipping = shipping;
        this.list = list;
        this.shortfalls = shortfalls;
    }

    /**
     * {@code GET /api/orders?customer=&sku=&open=&shortfall=&size=&cursor=}: the orders, newest first, as {@code {items:
     * [{orderNumber, status, customer, sku, productName, unit, quantity, allocated, shipped, shortfall, requiredBy,
     * createdAt, createdBy}], nextCursor}} ({@link org.lotflow.order.OrderList}); {@code open=true} those neither
     * cancelled nor fully shipped, {@code shortfall=true} those open and not fully allocated (a lot rejected or
     * recalled took its allocation). {@code size} 1 to 500 (default 50). 400 naming {@code sku}, {@code size} or
     * {@code cursor}.
     */
    @GetMapping
    public org.lotflow.order.OrderList.Page list(@RequestParam(required = false) String customer,
            @RequestParam(required = false) String sku, @RequestParam(defaultValue = "false") boolean open,
            @RequestParam(defaultValue = "false") boolean shortfall,
            @RequestParam(defaultValue = "" + org.lotflow.order.OrderList.DEFAULT_PAGE) int size,
            @RequestParam(required = false) String cursor) {
        return list.list(new org.lotflow.order.OrderList.Filter(customer, sku, open, shortfall), cursor, size);
    }

    public record OrderRequest(@Identifier String orderNumber, String customer, @Identifier String sku,
            @Quantity BigDecimal quantity, @BusinessDate LocalDate requiredBy, Integer minShelfLifeMonths,
            @Identifier String requestedLot, String requestReason) {
    }

    /**
     * {@code shippedAt} (ISO date, default today), {@code carrier} (at most 200 characters of one line of visible
     * text, a party's name kept as typed: empty, spaces only, a space at either edge or two in a row are 400 naming
     * {@code carrier}, {@link org.lotflow.shared.input.SpacedNames#searchedParty}; auditor round 22 M1), {@code serials}: for a
     * serialised product the serial numbers shipped, as many per lot as units shipped from it (at most 10,000).
     */
    public record ShipmentRequest(@BusinessDate LocalDate shippedAt, String carrier, java.util.List<String> serials) {
    }

    /** 201 with the order and its allocations (or the pending override). */
    @AllowedGroups(value = {Groups.SALES}, work = "place an order")
    @PostMapping
    public ResponseEntity<OrderView> create(@jakarta.validation.Valid @RequestBody OrderRequest request) {
        OrderView view = placement.place(new NewOrder(request.orderNumber(), request.customer(),
                request.sku(), request.quantity(), request.requiredBy(), request.minShelfLifeMonths(),
                request.requestedLot(), request.requestReason()));
        return ResponseEntity.status(HttpStatus.CREATED).body(view);
    }

    /**
     * The order ({@link OrderView}): status, allocations (open/shipped/cancelled and why), shipments; 404 when there is
     * none. Here and on every {@code /api/orders/{orderNumber}/...} path the number is found whatever the case it is
     * typed in, as lot numbers and SKUs are (order numbers are unique whatever their case; auditor round 22 L2), and
     * answers give it as stored.
     */
    @GetMapping("/{orderNumber}")
    public OrderView get(@PathVariable String orderNumber) {
        return queries.get(orderNumber);
    }

    /**
     * Allocates the open order's shortfall by FEFO from the RELEASED lots free now, no body (sales): 200 with the
     * order; 404 unknown; 409 cancelled, waiting for an override decision, no shortfall, or no lot FEFO may take
     * ({@link org.lotflow.order.internal.ShortfallAllocation}).
     */
    @AllowedGroups(value = {Groups.SALES}, work = "allocate an order")
    @PostMapping("/{orderNumber}/allocations")
    public OrderView allocateShortfall(@PathVariable String orderNumber) {
        return shortfalls.allocateShortfall(queries.storedNumber(orderNumber));
    }

    /** Cancels the order: 200 with the cancelled order (again 200, unchanged, if already cancelled). */
    @AllowedGroups(value = {Groups.SALES}, work = "cancel an order")
    @DeleteMapping("/{orderNumber}")
    public OrderView cancel(@PathVariable String orderNumber) {
        return cancellation.cancel(queries.storedNumber(orderNumber));
    }

    /**
     * Ships every open allocation (sales): 201 {@code {orderNumber, shipped:[{lotNumber, quantity, shippedAt,
     * carrier, serials?}], order}}; 200 with {@code shipped: []} when nothing was left to ship (a repeated call
     * ships nothing twice). A serialised product's shipment names its serials ({@code serials}; issue #16):
     * refused with problem+json before anything changes, 400 naming {@code serials} (none named for a serialised
     * product, some for one that is not, a count per lot other than the units it ships, a fraction of a unit) or
     * {@code serials[i]} (not a serial, named twice, unknown for the product, of a lot this shipment does not
     * ship), 409 naming {@code serials[i]} for a serial already shipped ({@link Shipping#ship}).
     */
    @AllowedGroups(value = {Groups.SALES}, work = "ship an order")
    @PostMapping("/{orderNumber}/shipments")
    public ResponseEntity<Map<String, Object>> ship(@PathVariable String orderNumber,
            @jakarta.validation.Valid @RequestBody(required = false) ShipmentRequest request) {
        String stored = queries.storedNumber(orderNumber);
        Shipping.ShipmentResult result = shipping.ship(stored, request == null ? null : request.shippedAt(),
                request == null ? null : request.carrier(), request == null ? null : request.serials());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderNumber", stored);
        body.put("shipped", result.shipped());
        body.put("order", result.order());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(body);
    }
}
