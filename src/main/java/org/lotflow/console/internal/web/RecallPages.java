package org.lotflow.console.internal.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lotflow.console.internal.NotificationDeadline;
import org.lotflow.console.internal.process.OpenTasks;
import org.lotflow.recall.RecallReports;
import org.lotflow.recall.Recalls;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /console/recalls}: the board of open and closed recalls (newest first; the recall module's report of
 * recalls); {@code /console/recalls/{recallNumber}}: one recall on one screen, as
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

    @GetMapping("/console/recalls")
    String board(Model model) {
        currentUser.require(Groups.BUSINESS.toArray(String[]::new)); // as GET /api/recalls/{n}
        List<RecallReports.RecallRow> all = new ArrayList<>(reports.recalls(null, Instant.EPOCH,
                clock.instant().plusSeconds(86_400)));
        all.sort(Comparator.comparing(RecallReports.RecallRow::openedAt).reversed());
        Map<Long, List<RecallReports.CustomerRow>> customers = new LinkedHashMap<>();
        if (!all.isEmpty()) {
            for (RecallReports.CustomerRow c : reports.customers(all.stream().map(RecallReports.RecallRow::id).toList())) {
                customers.computeIfAbsent(c.recallId(), k -> new ArrayList<>()).add(c);
            }
        }
        model.addAttribute("open", all.stream().filter(r -> !"CLOSED".equals(r.status())).toList());
        model.addAttribute("closed", all.stream().filter(r -> "CLOSED".equals(r.status())).toList());
        model.addAttribute("customers", customers);
        return "console/recalls";
    }

    @GetMapping("/console/recalls/{recallNumber}")
    String recall(@PathVariable String recallNumber, Model model) {
        Map<String, Object> recall = recalls.view(recallNumber);
        model.addAttribute("recall", recall);
        model.addAttribute("target", recalls.targetEffectiveness());
        model.addAttribute("deadlines", NotificationDeadline.of(recall, clock.instant()));
        model.addAttribute("tasks", openTasks.of(recallNumber));
        return "console/recall";
    }
}
