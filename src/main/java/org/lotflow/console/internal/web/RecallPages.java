package org.lotflow.console.internal.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.lotflow.console.internal.NotificationDeadline;
import org.lotflow.console.internal.process.OpenTasks;
import org.lotflow.recall.RecallReports;
import org.lotflow.recall.Recalls;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.shared.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /console/recalls}: the board of open and closed recalls (newest first, each paged by the recall module's
 * keyset cursor); {@code /console/recalls/{recallNumber}}: one recall on one screen, as
 * {@code GET /api/recalls/{recallNumber}} answers it: the scope (lots, customers, quantities shipped and
 * returned), each customer's notification state and deadline, the effectiveness check against its target,
 * the timeline, the open tasks and the exports.
 */
@Controller
class RecallPages {

    private final RecallReports reports;
    private final Recalls recalls;
    private final CurrentUser currentUser;
    private final OpenTasks openTasks;
    private final Clock clock;

    private final org.lotflow.order.OpenAllocations openAllocations;
    private final org.lotflow.lot.LotStock lotStock;

    private final ScopeNotes scopeNotes;

    RecallPages(RecallReports reports, Recalls recalls, CurrentUser currentUser, OpenTasks openTasks, Clock clock,
            org.lotflow.order.OpenAllocations openAllocations, org.lotflow.lot.LotStock lotStock,
            ScopeNotes scopeNotes) {
        this.scopeNotes = scopeNotes;
        this.openAllocations = openAllocations;
        this.lotStock = lotStock;
        this.reports = reports;
        this.recalls = recalls;
        this.currentUser = currentUser;
        this.openTasks = openTasks;
        this.clock = clock;
    }

    /**
     * The board: the open recalls and the closed ones, each newest first and paged on its own (the recall
     * module's keyset page: {@code openCursor}, {@code closedCursor}, {@code size} 1 to 200, default 50), so it
     * stays one index range per table at thousands of recalls. Business groups only, as {@code GET /api/recalls/{n}};
     * a cursor or size that cannot be read is 400 naming it.
     */
    @GetMapping("/console/recalls")
    String board(@RequestParam(required = false) String openCursor,
            @RequestParam(required = false) String closedCursor, @RequestParam(defaultValue = "50") String size,
            Model model, HttpServletResponse response) {
        currentUser.require(Groups.BUSINESS.toArray(String[]::new)); // as GET /api/recalls/{n}
        model.addAttribute("openCursor", openCursor == null ? "" : openCursor);
        model.addAttribute("closedCursor", closedCursor == null ? "" : closedCursor);
        model.addAttribute("open", new RecallReports.BoardPage(List.of(), null));
        model.addAttribute("closed", new RecallReports.BoardPage(List.of(), null));
        try {
            int pageSize = org.lotflow.shared.input.WholeNumbers.read("size", size); // digits 0-9 only (re-test F3)
            model.addAttribute("size", pageSize);
            RecallReports.BoardPage open = reports.board(true, openCursor, pageSize);
            model.addAttribute("open", open);
            // an open recall's place of "Closed": by when its customers are to be notified, and whether that has
            // passed with any of them not told (new user 27 N6: an Open table had a "Closed" column, never filled)
            Map<String, NotificationDeadline.Deadline> notifyBy = new java.util.HashMap<>();
            for (RecallReports.BoardRow r : open.items()) {
                java.time.Instant due = recalls.notifyBy(r.classification(), r.openedAt());
                notifyBy.put(r.recallNumber(), new NotificationDeadline.Deadline(due,
                        r.notified() < r.customers() && clock.instant().isAfter(due)));
            }
            model.addAttribute("notifyBy", notifyBy);
            model.addAttribute("closed", reports.board(false, closedCursor, pageSize));
        } catch (InvalidInput e) {
            response.setStatus(400);
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
        }
        return "console/recalls";
    }

    @GetMapping("/console/recalls/{recallNumber}")
    String recall(@PathVariable String recallNumber, Model model) {
        recallNumber = org.lotflow.shared.input.MadeNumbers.asMade(recallNumber); // whatever the case typed (L2)
        Map<String, Object> recall = recalls.view(recallNumber);
        model.addAttribute("recall", recall);
        model.addAttribute("target", recalls.targetEffectiveness());
        model.addAttribute("deadlines", NotificationDeadline.of(recall, clock.instant()));
        var tasks = openTasks.of(recallNumber);
        model.addAttribute("tasks", tasks);
        // an open recall with customers not yet notified and no task yet: the tasks are still being made (in
        // batches, by jobs after the recall's own transaction), not "nothing to do"
        @SuppressWarnings("unchecked")
        long unnotified = ((java.util.List<Map<String, Object>>) recall.getOrDefault("customers", java.util.List.of()))
                .stream().filter(c -> !Boolean.TRUE.equals(c.get("notified"))).count();
        model.addAttribute("tasksComing", tasks.isEmpty() && recall.get("closedAt") == null && unnotified > 0);
        model.addAttribute("receiveChoices", receiveChoices(recall));
        // the open orders whose allocations the recall took back, as its scope preview listed them (new user 2026-12-07
        // F10: only the orders' own pages said so)
        @SuppressWarnings("unchecked")
        java.util.List<String> lotNumbers = ((java.util.List<Map<String, Object>>) recall.getOrDefault("lots",
                java.util.List.of())).stream().map(l -> (String) l.get("lotNumber")).toList();
        model.addAttribute("lostAllocations", openAllocations.cancelledOnRecall(lotStock.ids(lotNumbers).values()));
        // the lots it kept as they were: their customers, or none, and what of them left the plant before (new user
        // 2026-12-07 F13: "its customers are notified" of a rejected lot with none, returned to its supplier)
        @SuppressWarnings("unchecked")
        java.util.Set<String> shippedLots = ((java.util.List<Map<String, Object>>) recall.getOrDefault("customers",
                java.util.List.of())).stream().flatMap(c -> c.get("shipments") instanceof java.util.List<?> s
                        ? s.stream() : java.util.stream.Stream.empty())
                .map(s -> s instanceof Map<?, ?> m ? String.valueOf(m.get("lotNumber")) : "")
                .collect(java.util.stream.Collectors.toSet());
        model.addAttribute("shippedLots", shippedLots);
        @SuppressWarnings("unchecked")
        java.util.List<String> kept = ((java.util.List<Map<String, Object>>) recall.getOrDefault("lots",
                java.util.List.of())).stream().filter(l -> "SKIPPED".equals(l.get("action"))
                        && LotRecallPages.KEPT.contains(String.valueOf(l.get("status"))))
                .map(l -> (String) l.get("lotNumber")).toList();
        model.addAttribute("scopeLeft", scopeNotes.leftThePlant(lotStock.ids(kept)));
        // serials asked for only when a customer received serialised goods of the recall (new user 2026-12-07 L12)
        @SuppressWarnings("unchecked")
        boolean serialised = ((java.util.List<Map<String, Object>>) recall.getOrDefault("customers", java.util.List.of()))
                .stream().anyMatch(c -> c.get("serials") instanceof java.util.List<?> l && !l.isEmpty());
        model.addAttribute("receiveSerialised", serialised);
        // the closing is the QA manager's electronic signature: shown as one (new user 2026-12-06 L5)
        // as the lots' history recorded it at the signing (recall API's closingSignature): the printed name signed with
        // and the signing's time, never the signer's current name nor when the closing job ran (auditor sig28 H1, L1)
        if (recall.get("closedBy") != null) {
            if (recall.get("closingSignature") instanceof Map<?, ?> sig) {
                model.addAttribute("closingSignature", sig);
            }
            model.addAttribute("closingMeaning", Recalls.CLOSING_MEANING);
            model.addAttribute("closedWith", closedWith(recall.get("effectiveness")));
        }
        if (!model.containsAttribute("receiveForm")) {
            model.addAttribute("receiveForm", Map.of("shipment", "", "quantity", "", "receivedOn", "", "reference", "",
                    "serials", ""));
        }
        if (!model.containsAttribute("returnsForm")) {
            model.addAttribute("returnsForm", Map.of("line", "", "quantityReturned", "", "quantityDestroyed", "",
                    "note", ""));
        }
        return "console/recall";
    }

    /**
     * Returns that come after a customer's answer (its pallets arrive days after the call), recorded from the recall's
     * page as {@code POST /api/recalls/{n}/returns} records them (new user 2026-12-06 M2: only curl could). {@code line}
     * is the customer's row of the page (a customer and the unit it received); quantities in that unit, at most 3
     * decimals; refused as the API refuses it, shown above the form.
     */
    @org.lotflow.security.AllowedGroups(value = {Groups.RECALL_COORDINATOR, Groups.QA_MANAGER},
            work = "record a customer's returns of a recall")
    @org.springframework.web.bind.annotation.PostMapping("/console/recalls/{recallNumber}/returns")
    String returns(@PathVariable String recallNumber, @RequestParam(required = false) String line,
            @RequestParam(required = false) String quantityReturned,
            @RequestParam(required = false) String quantityDestroyed, @RequestParam(required = false) String note,
            Model model, HttpServletResponse response) {
        recallNumber = org.lotflow.shared.input.MadeNumbers.asMade(recallNumber); // whatever the case typed (L2)
        try {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> customers = (List<Map<String, Object>>) recalls.view(recallNumber)
                    .getOrDefault("customers", List.of());
            int row;
            try {
                row = Integer.parseInt(line == null ? "" : line.trim());
            } catch (NumberFormatException e) {
                throw new InvalidInput("customer", "choose the customer whose returns came");
            }
            if (row < 0 || row >= customers.size()) {
                throw new InvalidInput("customer", "choose the customer whose returns came");
            }
            Map<String, Object> customer = customers.get(row);
            recalls.recordReturns(recallNumber, (String) customer.get("customer"), (String) customer.get("unit"),
                    quantity("quantityReturned", quantityReturned), quantity("quantityDestroyed", quantityDestroyed),
                    note);
            return "redirect:/console/recalls/" + recallNumber + "?returns";
        } catch (org.lotflow.shared.Refusal e) {
            int status = FormErrors.refused(e, model);
            if (status == 404) {
                throw e;
            }
            response.setStatus(status);
            model.addAttribute("returnsForm", Map.of("line", line == null ? "" : line, "quantityReturned",
                    quantityReturned == null ? "" : quantityReturned, "quantityDestroyed",
                    quantityDestroyed == null ? "" : quantityDestroyed, "note", note == null ? "" : note));
            return recall(recallNumber, model);
        }
    }

    /** A choice of the form receiving returned goods: {@code value} "customer row|lot number", {@code label}. */
    record ReceiveChoice(String value, String label) {
    }

    /**
     * One choice per customer row and lot it received (in the order of its shipments, each lot once), with what was
     * shipped of it and what came back already: the goods that can come back.
     */
    @SuppressWarnings("unchecked")
    static List<ReceiveChoice> receiveChoices(Map<String, Object> recall) {
        List<Map<String, Object>> customers = (List<Map<String, Object>>) recall.getOrDefault("customers", List.of());
        List<Map<String, Object>> received = (List<Map<String, Object>>) recall.getOrDefault("returnsReceived",
                List.of());
        // only lots whose goods come back under this recall (not an ARCHIVED one, nor one another recall recalled:
        // a choice always refused, auditor 2026-12-07 F1)
        java.util.Set<String> receivable = new java.util.HashSet<>();
        for (Map<String, Object> lot : (List<Map<String, Object>>) recall.getOrDefault("lots", List.of())) {
            if (Boolean.TRUE.equals(lot.get("receivesReturns")) || org.lotflow.recall.Recalls.receivesReturns(
                    (String) lot.get("action"), (String) lot.get("previousStatus"))) {
                receivable.add((String) lot.get("lotNumber"));
            }
        }
        List<ReceiveChoice> out = new java.util.ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            Map<String, Object> c = customers.get(i);
            String customer = (String) c.get("customer");
            Map<String, java.math.BigDecimal> shipped = new java.util.LinkedHashMap<>();
            for (Map<String, Object> s : (List<Map<String, Object>>) c.getOrDefault("shipments", List.of())) {
                shipped.merge((String) s.get("lotNumber"), new java.math.BigDecimal(String.valueOf(s.get("quantity"))),
                        java.math.BigDecimal::add);
            }
            for (var lot : shipped.entrySet()) {
                if (!receivable.contains(lot.getKey())) {
                    continue;
                }
                java.math.BigDecimal back = received.stream().filter(x -> lot.getKey().equals(x.get("lotNumber"))
                        && customer.equalsIgnoreCase((String) x.get("customer")))
                        .map(x -> new java.math.BigDecimal(String.valueOf(x.get("quantity"))))
                        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
                String unit = c.get("unit") == null ? "" : " " + c.get("unit");
                out.add(new ReceiveChoice(i + "|" + lot.getKey(), lot.getKey() + " from " + customer + ": shipped "
                        + lot.getValue().stripTrailingZeros().toPlainString() + unit + ", received back so far "
                        + back.stripTrailingZeros().toPlainString() + unit));
            }
        }
        return out;
    }

    /**
     * Goods a customer sent back, received at the plant, from the recall's page as {@code POST
     * /api/recalls/{n}/received-returns} receives them: {@code shipment} is a choice of the form (the customer's row
     * and the lot), {@code quantity} in the lot's unit (digits, a point for decimals), {@code receivedOn} an ISO date
     * (empty: today), {@code reference} the return note; refused as the API refuses it, shown above the form.
     */
    @org.lotflow.security.AllowedGroups(value = {Groups.RECALL_COORDINATOR, Groups.QA_MANAGER},
            work = "receive a recall's returned goods")
    @org.springframework.web.bind.annotation.PostMapping("/console/recalls/{recallNumber}/received-returns")
    String receive(@PathVariable String recallNumber, @RequestParam(required = false) String shipment,
            @RequestParam(required = false) String quantity, @RequestParam(required = false) String receivedOn,
            @RequestParam(required = false) String reference, @RequestParam(required = false) String serials,
            Model model, HttpServletResponse response) {
        recallNumber = org.lotflow.shared.input.MadeNumbers.asMade(recallNumber); // whatever the case typed (L2)
        try {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> customers = (List<Map<String, Object>>) recalls.view(recallNumber)
                    .getOrDefault("customers", List.of());
            String chosen = shipment == null ? "" : shipment.trim();
            int bar = chosen.indexOf('|');
            int row = -1;
            if (bar > 0) {
                try {
                    row = Integer.parseInt(chosen.substring(0, bar));
                } catch (NumberFormatException e) {
                    row = -1;
                }
            }
            if (row < 0 || row >= customers.size()) {
                throw new InvalidInput("customer", "choose the lot and the customer the goods came from");
            }
            java.time.LocalDate on = null;
            if (receivedOn != null && !receivedOn.isBlank()) {
                try {
                    on = java.time.LocalDate.parse(receivedOn.trim());
                } catch (java.time.format.DateTimeParseException e) {
                    throw new InvalidInput("receivedOn", "'" + receivedOn.trim() + "' is not a date: give it as"
                            + " 2025-01-28, or leave it empty for today");
                }
            }
            if (quantity == null || quantity.isBlank()) {
                throw new InvalidInput("quantity", "give the quantity received, in the lot's unit");
            }
            recalls.receiveReturns(recallNumber, chosen.substring(bar + 1),
                    (String) customers.get(row).get("customer"), quantity("quantity", quantity), on, reference,
                    serials == null || serials.isBlank() ? null
                            : java.util.Arrays.stream(serials.split("[\\s,]+")).filter(x -> !x.isEmpty()).toList());
            return "redirect:/console/recalls/" + recallNumber + "?received";
        } catch (org.lotflow.shared.Refusal e) {
            // named by the form's labels (new user round 25 N7)
            int status = FormErrors.refused(e, model, Map.of("customer", "Lot and customer", "reference",
                    "Return note"));
            if (status == 404) {
                throw e;
            }
            response.setStatus(status);
            model.addAttribute("refusedForm", "receive"); // its "Not saved" banner (new user round 24 N5)
            model.addAttribute("receiveForm", Map.of("shipment", shipment == null ? "" : shipment, "quantity",
                    quantity == null ? "" : quantity, "receivedOn", receivedOn == null ? "" : receivedOn,
                    "reference", reference == null ? "" : reference, "serials", serials == null ? "" : serials));
            return recall(recallNumber, model);
        }
    }

    /** A quantity typed in the form: empty is 0; otherwise digits with a point for decimals (400 naming the field). */
    private static java.math.BigDecimal quantity(String field, String typed) {
        return TypedQuantity.read(field, typed, java.math.BigDecimal.ZERO, "the quantity in the unit the customer"
                + " received");
    }

    /**
     * What a closing at or above the target level was justified for, as the recall page says it beside the
     * justification: "product still at customers", "returns not received at the plant" and "more accounted for than
     * shipped", as the effectiveness lists them ({@code stillAtCustomers}, {@code returnsNotReceived},
     * {@code accountedBeyondShipped}), joined by ", " and " and "; "" for none.
     */
    static String closedWith(Object effectiveness) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (effectiveness instanceof Map<?, ?> eff) {
            if (eff.get("stillAtCustomers") instanceof java.util.List<?> l && !l.isEmpty()) {
                parts.add("product still at customers");
            }
            if (eff.get("returnsNotReceived") instanceof java.util.List<?> l && !l.isEmpty()) {
                parts.add("returns not received at the plant");
            }
            if (eff.get("accountedBeyondShipped") instanceof java.util.List<?> l && !l.isEmpty()) {
                parts.add("more accounted for than shipped");
            }
        }
        return parts.size() < 2 ? String.join("", parts) : String.join(", ", parts.subList(0, parts.size() - 1))
                + " and " + parts.get(parts.size() - 1);
    }
}
