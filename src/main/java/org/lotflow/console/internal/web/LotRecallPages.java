package org.lotflow.console.internal.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.lotflow.order.OpenAllocations;
import org.lotflow.recall.Recalls;
import org.lotflow.security.AllowedGroups;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.Refusal;
import org.lotflow.trace.Direction;
import org.lotflow.trace.TraceService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A lot's recall form on its Console page (recall coordinators; the seed's "Recall" and 21 CFR 7.46): the scope the
 * recall would have is shown first ({@code GET /console/lots/{lotNumber}/recall-preview}: every lot made from it, the
 * customers who received any of them, what the recall does to each lot, the open orders it cancels), then the recall
 * starts through the API's recall opening ({@code POST /console/lots/{lotNumber}/recalls}); a refusal is shown on the
 * form with the API's status ({@link LotPages#refused}).
 */
@Controller
class LotRecallPages {

    private final LotPages lotPages;
    private final TraceService trace;
    private final Recalls recalls;
    private final OpenAllocations openAllocations;
    private final CurrentUser currentUser;
    private final org.lotflow.lot.LotService lotService;
    private final ScopeNotes scopeNotes;

    LotRecallPages(LotPages lotPages, TraceService trace, Recalls recalls, OpenAllocations openAllocations,
            CurrentUser currentUser, org.lotflow.lot.LotService lotService, ScopeNotes scopeNotes) {
        this.scopeNotes = scopeNotes;
        this.lotService = lotService;
        this.lotPages = lotPages;
        this.trace = trace;
        this.recalls = recalls;
        this.openAllocations = openAllocations;
        this.currentUser = currentUser;
    }

    /**
     * The scope a recall of this lot would have, shown before it starts: the downstream trace (every lot made
     * from it, and the customers who received any of them, with quantities), as the recall will open it; a
     * trace deeper than the bound is said, for the recall would be refused. Recall coordinators only (403).
     */
    @GetMapping("/console/lots/{lotNumber}/recall-preview")
    String recallPreview(@PathVariable String lotNumber, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String classification,
            @RequestParam(name = "also", required = false) List<String> also, Model model) {
        currentUser.requireMembership("open a recall", Groups.RECALL_COORDINATOR);
        model.addAttribute("recallForm", Map.of("reason", nz(reason), "classification", nz(classification)));
        lotPages.lotPage(lotNumber, model);
        List<String> lots = withSiblings(lotNumber, also, model);
        preview(lots, model);
        model.addAttribute("previewShown", true);
        try {
            recalls.check(lots, reason, classification);
        } catch (InvalidInput e) {
            // the scope is shown; the start waits until the recall's own checks pass (the API would refuse it: 400)
            model.addAttribute("errorsOf", "recall");
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
            model.addAttribute("problem", Map.of("status", 400, "title", "Not ready to start",
                    "detail", "The scope is shown below; " + e.getMessage()));
        }
        return "console/lot";
    }

    /**
     * The page's lot and the other lots of its supplier lot the coordinator ticked ({@code also}; anything else named
     * there is no such lot and is left out: the form offers only these), kept on the model for the form.
     */
    @SuppressWarnings("unchecked")
    private List<String> withSiblings(String lotNumber, List<String> also, Model model) {
        List<org.lotflow.lot.Lot> siblings = (List<org.lotflow.lot.Lot>) model.getAttribute("supplierLotSiblings");
        List<String> chosen = siblings == null || also == null ? List.of() : siblings.stream()
                .map(org.lotflow.lot.Lot::getLotNumber).filter(also::contains).toList();
        model.addAttribute("alsoChosen", chosen);
        java.util.List<String> lots = new java.util.ArrayList<>();
        lots.add(((org.lotflow.lot.Lot) model.getAttribute("lot")).getLotNumber());
        lots.addAll(chosen);
        return lots;
    }

    /**
     * The recall's scope for the preview (every lot's downstream trace, each lot and shipment once), with the open
     * orders whose allocations the recall will cancel, said before it starts (new user 2026-12-06 P9: sales found a
     * CANCELLED allocation without a word).
     */
    private void preview(List<String> lotNumbers, Model model) {
        org.lotflow.trace.Trace preview = merged(lotNumbers);
        model.addAttribute("preview", preview);
        // what the recall would do to each lot, said before it starts (new user 2026-12-06 D9)
        model.addAttribute("previewActions", preview.lots().stream().collect(java.util.stream.Collectors.toMap(
                org.lotflow.trace.Trace.TracedLot::lotNumber, l -> afterRecall(org.lotflow.recall.RecallPreview.action(
                        org.lotflow.lot.LotStatus.valueOf(l.status()))), (a, b) -> a)));
        // a lot the recall keeps as it is (REJECTED, ARCHIVED): what of it left the plant before (new user 2026-12-07
        // F13: a rejected lot returned to its supplier said only "its customers are notified")
        model.addAttribute("previewLeft", scopeNotes.leftThePlant(preview.lots().stream()
                .filter(l -> KEPT.contains(l.status())).collect(java.util.stream.Collectors.toMap(
                        org.lotflow.trace.Trace.TracedLot::lotNumber, org.lotflow.trace.Trace.TracedLot::id,
                        (a, b) -> a))));
        model.addAttribute("previewAllocations", openAllocations.ofLots(preview.lots().stream()
                .map(org.lotflow.trace.Trace.TracedLot::id).toList()));
    }

    /**
     * A lot's status after the recall, as the scope's column says it (new user 26 F1: "RECALLED", "SKIPPED: ..." under
     * "The recall"): "Recalled", or "Unchanged: " and why the recall keeps it as it is.
     */
    static String afterRecall(String action) {
        return "RECALLED".equals(action) ? "Recalled" : action.replaceFirst("^SKIPPED: ", "Unchanged: ");
    }

    /** The statuses a recall keeps a lot of its scope in, notifying its customers (its skip note says so). */
    static final java.util.Set<String> KEPT = java.util.Set.of("REJECTED", "ARCHIVED");

    /** The downstream traces of the lots as one scope: each lot once (at its smallest depth), each shipment once. */
    private org.lotflow.trace.Trace merged(List<String> lotNumbers) {
        org.lotflow.trace.Trace first = trace.trace(lotNumbers.get(0), Direction.DOWNSTREAM);
        if (lotNumbers.size() == 1) {
            return first;
        }
        Map<String, org.lotflow.trace.Trace.TracedLot> lots = new java.util.LinkedHashMap<>();
        java.util.Set<org.lotflow.trace.Trace.CustomerShipment> shipments = new java.util.LinkedHashSet<>();
        boolean truncated = false;
        for (String number : lotNumbers) {
            org.lotflow.trace.Trace t = number.equals(first.lotNumber()) ? first : trace.trace(number, Direction.DOWNSTREAM);
            t.lots().forEach(l -> lots.merge(l.lotNumber(), l, (a, b) -> a.depth() <= b.depth() ? a : b));
            shipments.addAll(t.customers());
            truncated |= t.truncated();
        }
        return new org.lotflow.trace.Trace(first.lotNumber(), first.direction(), List.copyOf(lots.values()),
                List.copyOf(shipments), truncated, first.maxDepth());
    }

    /**
     * Starts the recall of this lot and of the other lots of its supplier lot the coordinator ticked ({@code also}),
     * through the API's recall opening: one recall, each customer notified once.
     */
    @AllowedGroups(value = {Groups.RECALL_COORDINATOR}, work = "open a recall")
    @PostMapping("/console/lots/{lotNumber}/recalls")
    String recall(@PathVariable String lotNumber, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String classification,
            @RequestParam(name = "also", required = false) List<String> also, Model model,
            HttpServletResponse response) {
        try {
            List<String> lots = new java.util.ArrayList<>();
            lots.add(lotNumber);
            if (also != null && !also.isEmpty()) {
                org.lotflow.lot.Lot lot = lotService.get(lotNumber);
                lotPages.supplierLotSiblings(lot).stream().map(org.lotflow.lot.Lot::getLotNumber)
                        .filter(also::contains).forEach(lots::add);
            }
            String number = recalls.open(lots, reason, classification);
            return "redirect:/console/recalls/" + number + "?started";
        } catch (Refusal e) {
            model.addAttribute("recallForm", Map.of("reason", nz(reason), "classification", nz(classification)));
            String page = lotPages.refused(e, "recall", lotNumber, model, response);
            if (e instanceof InvalidInput) {
                try {
                    preview(withSiblings(lotNumber, also, model), model);
                } catch (Refusal ignored) {
                    // the preview is refused the same way: the form shows the first refusal
                }
            }
            return page;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
