package org.lotflow.console.internal.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.lotflow.console.internal.process.OpenTasks;
import org.lotflow.order.NewOrder;
import org.lotflow.order.OrderCancelling;
import org.lotflow.order.OrderPlacement;
import org.lotflow.order.OrderView;
import org.lotflow.order.Orders;
import org.lotflow.order.Shipping;
import org.lotflow.product.ProductService;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.shared.Refusal;
import org.lotflow.shared.input.BusinessDate;
import org.lotflow.shared.input.Identifier;
import org.lotflow.shared.input.Quantity;
import org.lotflow.security.AllowedGroups;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sales on the Console: {@code /console/orders} lists the orders (newest first; open ones, those with a shortfall),
 * {@code /console/orders/new} places an order (the use case of {@code POST /api/orders}:
 * FEFO allocation, or a requested lot that a QA manager must approve), {@code /console/orders/{orderNumber}}
 * shows it with its allocations, shipments and open override task (a link into Tasklist), ships it
 * ({@code POST /api/orders/{n}/shipments}' use case) and cancels it ({@code DELETE /api/orders/{n}}' use case).
 * The form is checked with the API's own field rules first, then by the service; every refusal is shown at
 * its field with the API's status and words.
 */
@Controller
class OrderPages {

    /** The order form: the fields and rules of {@code POST /api/orders}' body. */
    record OrderForm(@Identifier String orderNumber, String customer, @Identifier String sku,
            @Quantity BigDecimal quantity, @BusinessDate @DateTimeFormat(pattern = "uuuu-MM-dd") LocalDate requiredBy,
            @Min(0) @Max(240) Integer minShelfLifeMonths, @Identifier String requestedLot,
            @jakarta.validation.constraints.Size(max = 1000) String requestReason) {
    }

    /**
     * The shipment form: the fields of {@code POST /api/orders/{n}/shipments}' body. {@code serials}: for a
     * serialised product (issue #16), the serial of every unit shipped, separated by line breaks, spaces or
     * commas (as a barcode scanner types them); empty for another product.
     */
    record ShipmentForm(@BusinessDate @DateTimeFormat(pattern = "uuuu-MM-dd") LocalDate shippedAt,
            @Size(max = 200) String carrier, String serials) {

        /** The serials typed, in their order; null when none (the API's absent {@code serials}). */
        java.util.List<String> serialList() {
            if (serials == null || serials.isBlank()) {
                return null;
            }
            return java.util.Arrays.stream(serials.trim().split("[\\s,;]+")).filter(t -> !t.isEmpty()).toList();
        }
    }

    private final OrderPlacement placement;
    private final OrderCancelling cancelling;
    private final Shipping shipping;
    private final Orders orders;
    private final ProductService products;
    private final CurrentUser currentUser;
    private final OpenTasks openTasks;
    private final org.lotflow.order.OrderList orderList;
    private final org.lotflow.lot.StockOnHand stock;
    private final java.time.Clock clock;

    private final org.lotflow.order.OrderShortfalls shortfalls;

    private final OosReleaseMarks oosMarks;

    private final org.lotflow.lot.LotService lots;

    private final org.lotflow.recall.LotRecalls lotRecalls;

    private final org.lotflow.order.OpenAllocations openAllocations;

    /**
     * A lot of an order now: its status, and the recalls whose scope holds it (new user 2026-12-07 F5: an order shipped
     * from a lot recalled later said only "SHIPPED"); {@code shipped}: what this order shipped of it, with its
     * shipments' dates.
     */
    record LotNow(String lotNumber, String status, java.util.List<org.lotflow.recall.LotRecalls.LotRecall> recalls,
            BigDecimal shipped, java.util.List<LocalDate> shippedOn) {
    }

    /**
     * An allocation an order lost with its lot, for the orders list (new user 28 L6): the lot, the quantity, and why:
     * the recall that recalled the lot ({@code recallNumber}, from its scope's record), else the lot's status now
     * (rejected, expired).
     */
    record LostAllocation(String lotNumber, BigDecimal quantity, String recallNumber, String lotStatus) {
    }

    OrderPages(OrderPlacement placement, OrderCancelling cancelling, Shipping shipping,
            Orders orders, ProductService products, CurrentUser currentUser, OpenTasks openTasks,
            org.lotflow.order.OrderList orderList, org.lotflow.lot.StockOnHand stock, java.time.Clock clock,
            org.lotflow.order.OrderShortfalls shortfalls, OosReleaseMarks oosMarks, org.lotflow.lot.LotService lots,
            org.lotflow.recall.LotRecalls lotRecalls, org.lotflow.order.OpenAllocations openAllocations) {
        this.lots = lots;
        this.lotRecalls = lotRecalls;
        this.openAllocations = openAllocations;
        this.oosMarks = oosMarks;
        this.shortfalls = shortfalls;
        this.orderList = orderList;
        this.stock = stock;
        this.clock = clock;
        this.placement = placement;
        this.cancelling = cancelling;
        this.shipping = shipping;
        this.orders = orders;
        this.products = products;
        this.currentUser = currentUser;
        this.openTasks = openTasks;
    }

    /**
     * {@code /console/orders}: the orders, newest first, as {@code GET /api/orders} lists them
     * ({@link org.lotflow.order.OrderList}); {@code show} {@code open} or {@code shortfall} (open and not fully
     * allocated). A product or cursor that cannot be read is shown at its field (400).
     */
    @GetMapping("/console/orders")
    String list(@RequestParam(required = false) String customer, @RequestParam(required = false) String sku,
            @RequestParam(required = false) String show, @RequestParam(required = false) String cursor, Model model,
            HttpServletResponse response) {
        String shown = show == null ? "" : show.trim();
        model.addAttribute("customer", customer == null ? "" : customer);
        model.addAttribute("sku", sku == null ? "" : sku);
        model.addAttribute("show", shown);
        model.addAttribute("cursor", cursor == null ? "" : cursor);
        model.addAttribute("page", new org.lotflow.order.OrderList.Page(java.util.List.of(), null));
        model.addAttribute("recalls", java.util.Map.of());
        model.addAttribute("lost", java.util.Map.of());
        try {
            org.lotflow.order.OrderList.Page page = orderList.list(new org.lotflow.order.OrderList.Filter(customer,
                    sku, shown.equals("open"), shown.equals("shortfall")), cursor, org.lotflow.order.OrderList.DEFAULT_PAGE);
            model.addAttribute("page", page);
            // the recalls that reached each order's shipments, one query a page (new user 2026-12-07 F5)
            model.addAttribute("recalls", lotRecalls.ofOrders(page.items().stream()
                    .map(org.lotflow.order.OrderList.Summary::orderNumber).toList()));
            model.addAttribute("lost", lostAllocations(page.items().stream()
                    .map(org.lotflow.order.OrderList.Summary::orderNumber).toList()));
        } catch (org.lotflow.shared.InvalidInput e) {
            response.setStatus(400);
            model.addAttribute("errors", java.util.Map.of(e.field(), FormErrors.label(e.field()) + ": "
                    + e.properties().get("reason")));
        }
        return "console/orders";
    }

    /**
     * The allocations each order lost with its lots, each with the recall that recalled the lot (lotflow's records: the
     * allocation, the recall's scope), else the lot's status now. Two queries and the lots', whatever the page's size.
     */
    private java.util.Map<String, java.util.List<LostAllocation>> lostAllocations(java.util.List<String> orderNumbers) {
        java.util.Map<String, java.util.List<org.lotflow.order.OpenAllocations.Lost>> lost =
                openAllocations.lostWithLots(orderNumbers);
        java.util.Map<Long, java.util.List<org.lotflow.recall.LotRecalls.LotRecall>> recalls = lotRecalls.ofLots(
                lost.values().stream().flatMap(java.util.List::stream)
                        .map(org.lotflow.order.OpenAllocations.Lost::lotId).distinct().toList());
        java.util.Map<String, java.util.List<LostAllocation>> byOrder = new java.util.LinkedHashMap<>();
        lost.forEach((order, list) -> byOrder.put(order, list.stream().map(l -> new LostAllocation(l.lotNumber(),
                l.quantity(), recalls.getOrDefault(l.lotId(), java.util.List.of()).stream()
                        .filter(org.lotflow.recall.LotRecalls.LotRecall::recalled)
                        .map(org.lotflow.recall.LotRecalls.LotRecall::recallNumber).findFirst().orElse(null),
                l.lotStatus())).toList()));
        return byOrder;
    }

    @GetMapping("/console/orders/new")
    String form(@RequestParam(required = false) String sku, Model model) {
        currentUser.requireMembership("place an order", Groups.SALES);
        model.addAttribute("form", new OrderForm("", "", sku == null ? "" : sku, null, null, null, "", ""));
        return newOrder(model);
    }

    @AllowedGroups(value = {Groups.SALES}, work = "place an order")
    @PostMapping("/console/orders")
    String place(@Valid @ModelAttribute("form") OrderForm form, BindingResult binding, Model model,
            HttpServletResponse response, jakarta.servlet.http.HttpServletRequest request) {
        model.addAttribute("form", FormErrors.sent(request, "orderNumber", "customer", "sku", "quantity",
                "requiredBy", "minShelfLifeMonths", "requestedLot", "requestReason"));
        if (binding.hasErrors()) {
            response.setStatus(FormErrors.invalid(FormErrors.of(binding), model));
            return newOrder(model);
        }
        try {
            placement.place(new NewOrder(blankToNull(form.orderNumber()), form.customer(), blankToNull(form.sku()),
                    form.quantity(), form.requiredBy(), form.minShelfLifeMonths(), blankToNull(form.requestedLot()),
                    blankToNull(form.requestReason())));
            return "redirect:/console/orders/" + form.orderNumber().trim() + "?placed";
        } catch (Refusal e) {
            response.setStatus(FormErrors.refused(e, model));
            return newOrder(model);
        }
    }

    @GetMapping("/console/orders/{orderNumber}")
    String order(@PathVariable("orderNumber") String typedNumber, Model model) {
        // the number whatever the case typed in the address, as the API finds it (auditor round 22 L2)
        String orderNumber = orders.storedNumber(typedNumber);
        OrderView order = orders.get(orderNumber);
        model.addAttribute("order", order);
        model.addAttribute("tasks", openTasks.of(orderNumber));
        model.addAttribute("lotsNow", lotsNow(order));
        // allocated and not shipped yet, as the lot page's Allocated (new user 2026-12-07 F15)
        model.addAttribute("toShip", order.allocations() == null ? BigDecimal.ZERO : order.allocations().stream()
                .filter(a -> "OPEN".equals(a.status())).map(OrderView.AllocationLine::quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        // a lot standing on out-of-specification results, said where sales ships it (new user 2026-12-06 U5)
        model.addAttribute("oosReleased", oosMarks.of(order.allocations().stream()
                .map(OrderView.AllocationLine::lotNumber).toList()));
        // a serialised product's shipment names the serial of every unit (issue #16): the form asks for them
        java.util.Optional<org.lotflow.product.Product> product = products.findBySku(order.sku());
        model.addAttribute("serialised", product.map(p -> p.isSerialised()).orElse(false));
        // quantities with their unit, the product with its name (new user 2026-12-06 W15)
        model.addAttribute("unit", product.map(p -> " " + p.getUnit()).orElse(""));
        model.addAttribute("productName", product.map(p -> p.getName()).orElse(""));
        // a shelf-life minimum beyond what the product's lots keep can never be met by them (new user 2026-12-06 M8)
        model.addAttribute("shelfLifeMonths", product.map(p -> p.getShelfLifeMonths()).orElse(null));
        // why an open order is short: what FEFO could take now (new user 2026-12-06 N15: "placed", nothing allocated,
        // no word why, while every lot of the product was RECALLED)
        if (order.shortfall() != null && order.shortfall().signum() > 0 && product.isPresent()
                && !"CANCELLED".equals(order.status()) && !"SHIPPED".equals(order.status())) {
            // what this order could take: its ship date and minimum shelf life count (re-test 2026-12-06 R4)
            java.time.LocalDate today = java.time.LocalDate.now(clock);
            java.time.LocalDate from = org.lotflow.order.Fefo.earliestEligibleExpiration(today,
                    org.lotflow.order.Fefo.shipDate(order.requiredBy(), today), order.minShelfLifeMonths());
            model.addAttribute("allocatable", stock.allocatable(product.get().getId(), from.minusDays(1)));
            model.addAttribute("eligibleFrom", from);
            // the lot the customer asked for that can no longer be supplied: FEFO would ship another (new user
            // round 24b N4: the shortfall was allocated from another lot, and nothing said so)
            if (order.requestedLot() != null && !order.requestedLot().isBlank()) {
                try {
                    org.lotflow.lot.Lot requested = lots.get(order.requestedLot());
                    if (requested.getStatus() != org.lotflow.lot.LotStatus.RELEASED) {
                        model.addAttribute("requestedLotStatus", requested.getStatus().name());
                    }
                } catch (org.lotflow.shared.NotFound gone) {
                    model.addAttribute("requestedLotStatus", "UNKNOWN");
                }
            }
        }
        if (!model.containsAttribute("shipment")) {
            model.addAttribute("shipment", new ShipmentForm(null, "", ""));
        }
        // Ship only when it would not be refused: an allocation on a lot put on hold since (new user 2026-12-06 D11)
        model.addAttribute("shipRefusals", shipping.refusalsToday(order));
        return "console/order";
    }

    @AllowedGroups(value = {Groups.SALES}, work = "ship an order")
    @PostMapping("/console/orders/{orderNumber}/shipments")
    String ship(@PathVariable("orderNumber") String typedNumber, @Valid @ModelAttribute("shipment") ShipmentForm form,
            BindingResult binding, Model model, HttpServletResponse response,
            jakarta.servlet.http.HttpServletRequest request) {
        String orderNumber = orders.storedNumber(typedNumber);
        model.addAttribute("shipment", FormErrors.sent(request, "shippedAt", "carrier", "serials"));
        if (binding.hasErrors()) {
            response.setStatus(FormErrors.invalid(FormErrors.of(binding), model));
            return order(orderNumber, model);
        }
        try {
            Shipping.ShipmentResult result = shipping.ship(orderNumber, form.shippedAt(),
                    form.carrier() == null || form.carrier().isEmpty() ? null : form.carrier(), form.serialList());
            return "redirect:/console/orders/" + orderNumber + (result.created() ? "?shipped" : "?nothingToShip");
        } catch (Refusal e) {
            response.setStatus(FormErrors.refused(e, model));
            return order(orderNumber, model);
        }
    }

    /**
     * Cancels the order ({@code DELETE /api/orders/{n}}' use case): open allocations back to stock, a pending
     * override withdrawn; cancelling again changes nothing. Refused as the API refuses it (403 outside sales,
     * 404 unknown, 409 fully shipped), shown on the order's page.
     */
    /**
     * Allocates the order's shortfall by FEFO ({@code POST /api/orders/{n}/allocations}' use case) under its own number
     * (new user 2026-12-06 D5: an order whose lot was taken could only be cancelled and placed again). Refused as the
     * API refuses it (403 outside sales, 404 unknown, 409 cancelled, waiting for an override, nothing short, no lot
     * FEFO may take), shown on the order's page.
     */
    @AllowedGroups(value = {Groups.SALES}, work = "allocate an order")
    @PostMapping("/console/orders/{orderNumber}/allocations")
    String allocateShortfall(@PathVariable("orderNumber") String typedNumber, Model model,
            HttpServletResponse response) {
        String orderNumber = orders.storedNumber(typedNumber);
        try {
            shortfalls.allocate(orderNumber);
            return "redirect:/console/orders/" + orderNumber + "?allocated";
        } catch (Refusal e) {
            int status = FormErrors.refused(e, model);
            if (status == 404) {
                throw e;
            }
            response.setStatus(status);
            model.addAttribute("errorsOf", "allocate");
            return order(orderNumber, model);
        }
    }

    @AllowedGroups(value = {Groups.SALES}, work = "cancel an order")
    @PostMapping("/console/orders/{orderNumber}/cancel")
    String cancel(@PathVariable("orderNumber") String typedNumber, Model model, HttpServletResponse response) {
        String orderNumber = orders.storedNumber(typedNumber);
        try {
            cancelling.cancel(orderNumber);
            return "redirect:/console/orders/" + orderNumber + "?cancelled";
        } catch (Refusal e) {
            int status = FormErrors.refused(e, model);
            if (status == 404) {
                throw e;
            }
            response.setStatus(status);
            model.addAttribute("errorsOf", "cancel");
            return order(orderNumber, model);
        }
    }

    /**
     * The order's lots (of its allocations and shipments, in their order) with their status now and their recalls, by
     * lot number: a customer calling sales about a shipped order is under recall, and sales sees it (new user
     * 2026-12-07 F5).
     */
    java.util.Map<String, LotNow> lotsNow(OrderView order) {
        java.util.LinkedHashMap<String, org.lotflow.lot.Lot> byNumber = new java.util.LinkedHashMap<>();
        java.util.List<OrderView.AllocationLine> allocations = order.allocations() == null ? java.util.List.of()
                : order.allocations();
        java.util.List<OrderView.ShipmentLine> shipments = order.shipments() == null ? java.util.List.of()
                : order.shipments();
        java.util.stream.Stream.concat(allocations.stream().map(OrderView.AllocationLine::lotNumber),
                shipments.stream().map(OrderView.ShipmentLine::lotNumber))
                .forEach(n -> byNumber.computeIfAbsent(n, lots::get));
        java.util.Map<Long, java.util.List<org.lotflow.recall.LotRecalls.LotRecall>> recalls = lotRecalls.ofLots(
                byNumber.values().stream().map(org.lotflow.lot.Lot::getId).toList());
        java.util.Map<String, LotNow> now = new java.util.LinkedHashMap<>();
        for (org.lotflow.lot.Lot lot : byNumber.values()) {
            java.util.List<OrderView.ShipmentLine> shipped = shipments.stream()
                    .filter(s -> s.lotNumber().equals(lot.getLotNumber())).toList();
            now.put(lot.getLotNumber(), new LotNow(lot.getLotNumber(), lot.getStatus().name(),
                    recalls.getOrDefault(lot.getId(), java.util.List.of()),
                    shipped.stream().map(OrderView.ShipmentLine::quantity).reduce(BigDecimal.ZERO, BigDecimal::add),
                    shipped.stream().map(OrderView.ShipmentLine::shippedAt).distinct().sorted().toList()));
        }
        return now;
    }

    private String newOrder(Model model) {
        model.addAttribute("products", products.list());
        return "console/order-new";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
