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

    LotRecallPages(LotPages lotPages, TraceService trace, Recalls recalls, OpenAllocations openAllocations,
            CurrentUser currentUser) {
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
            @RequestParam(required = false) String classification, Model model) {
        currentUser.requireMembership("open a recall", Groups.RECALL_COORDINATOR);
        model.addAttribute("recallForm", Map.of("reason", nz(reason), "classification", nz(classification)));
        lotPages.lotPage(lotNumber, model);
        preview(lotNumber, model);
        model.addAttribute("previewShown", true);
        try {
            recalls.check(List.of(lotNumber), reason, classification);
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
     * The recall's scope for the preview, with the open orders whose allocations the recall will cancel, said before
     * it starts (new user 2026-12-06 P9: sales found a CANCELLED allocation without a word).
     */
    private void preview(String lotNumber, Model model) {
        org.lotflow.trace.Trace preview = trace.trace(lotNumber, Direction.DOWNSTREAM);
        model.addAttribute("preview", preview);
        // what the recall would do to each lot, said before it starts (new user 2026-12-06 D9)
        model.addAttribute("previewActions", preview.lots().stream().collect(java.util.stream.Collectors.toMap(
                org.lotflow.trace.Trace.TracedLot::lotNumber, l -> org.lotflow.recall.RecallPreview.action(
                        org.lotflow.lot.LotStatus.valueOf(l.status())), (a, b) -> a)));
        model.addAttribute("previewAllocations", openAllocations.ofLots(preview.lots().stream()
                .map(org.lotflow.trace.Trace.TracedLot::id).toList()));
    }

    /** Starts the recall of this lot, through the API's recall opening. */
    @AllowedGroups(value = {Groups.RECALL_COORDINATOR}, work = "open a recall")
    @PostMapping("/console/lots/{lotNumber}/recalls")
    String recall(@PathVariable String lotNumber, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String classification, Model model, HttpServletResponse response) {
        try {
            String number = recalls.open(List.of(lotNumber), reason, classification);
            return "redirect:/console/recalls/" + number + "?started";
        } catch (Refusal e) {
            model.addAttribute("recallForm", Map.of("reason", nz(reason), "classification", nz(classification)));
            String page = lotPages.refused(e, "recall", lotNumber, model, response);
            if (e instanceof InvalidInput) {
                try {
                    preview(lotNumber, model);
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
