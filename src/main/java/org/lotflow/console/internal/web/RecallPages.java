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

    RecallPages(RecallReports reports, Recalls recalls, CurrentUser currentUser, OpenTasks openTasks, Clock clock) {
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
            int pageSize;
            try {
                pageSize = Integer.parseInt(size.trim());
            } catch (NumberFormatException e) {
                throw new InvalidInput("size", "'" + size + "' is not a whole number");
            }
            model.addAttribute("size", pageSize);
            model.addAttribute("open", reports.board(true, openCursor, pageSize));
            model.addAttribute("closed", reports.board(false, closedCursor, pageSize));
        } catch (InvalidInput e) {
            response.setStatus(400);
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
        }
        return "console/recalls";
    }

    @GetMapping("/console/recalls/{recallNumber}")
    String recall(@PathVariable String recallNumber, Model model) {
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
        return "console/recall";
    }
}
