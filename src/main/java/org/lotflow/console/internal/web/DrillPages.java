package org.lotflow.console.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import org.lotflow.console.internal.process.OpenTasks;
import org.lotflow.drill.MockRecallReport;
import org.lotflow.drill.MockRecalls;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.shared.Refusal;
import org.lotflow.security.AllowedGroups;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The mock-recall drills on the Console: {@code /console/drills} lists every drill (newest first, as
 * {@code GET /api/mock-recalls}) and lets a recall coordinator start one on a lot ({@code POST /api/mock-recalls}'
 * use case: the only way to start one, for the engine refuses it); {@code /console/drills/{drillNumber}} is the
 * drill's report (times against the target, result, mass balance, suppliers, customers) with its open tasks into
 * Tasklist (the review and the closing are Tasklist tasks) and its PDF. Recall coordinators start; they and QA
 * managers read (403 otherwise, as the API); every refusal shown on the form with the API's status and words.
 */
@Controller
class DrillPages {

    private final MockRecalls drills;
    private final OpenTasks openTasks;
    private final CurrentUser currentUser;

    DrillPages(MockRecalls drills, OpenTasks openTasks, CurrentUser currentUser) {
        this.drills = drills;
        this.openTasks = openTasks;
        this.currentUser = currentUser;
    }

    @GetMapping("/console/drills")
    String list(@RequestParam(required = false) String lotNumber, Model model) {
        model.addAttribute("drills", drills.history());
        if (!model.containsAttribute("lotNumber")) {
            model.addAttribute("lotNumber", lotNumber == null ? "" : lotNumber);
        }
        model.addAttribute("canStart", currentUser.isMemberOfAny(Groups.RECALL_COORDINATOR));
        return "console/drills";
    }

    @AllowedGroups(value = {Groups.RECALL_COORDINATOR}, work = "start a mock-recall drill")
    @PostMapping("/console/drills")
    String start(@RequestParam(required = false) String lotNumber, Model model, HttpServletResponse response) {
        try {
            String number = drills.start(lotNumber);
            return "redirect:/console/drills/" + number + "?started";
        } catch (Refusal e) {
            response.setStatus(FormErrors.refused(e, model));
            model.addAttribute("lotNumber", lotNumber == null ? "" : lotNumber);
            try {
                return list(null, model);
            } catch (Refusal readRefused) {
                throw e; // not even allowed to read the drills: the refusal's own page
            }
        }
    }

    @GetMapping("/console/drills/{drillNumber}")
    String drill(@PathVariable String drillNumber, Model model) {
        drillNumber = org.lotflow.shared.input.MadeNumbers.asMade(drillNumber); // whatever the case typed (L2)
        MockRecallReport report = drills.report(drillNumber);
        model.addAttribute("drill", report);
        model.addAttribute("tasks", openTasks.of(drillNumber));
        return "console/drill";
    }

    /** The drill's report as PDF, as {@code GET /api/mock-recalls/{n}} with {@code Accept: application/pdf}. */
    @GetMapping("/console/drills/{drillNumber}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String drillNumber) {
        drillNumber = org.lotflow.shared.input.MadeNumbers.asMade(drillNumber); // whatever the case typed (L2)
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.inline().filename(drillNumber + ".pdf").build()
                        .toString())
                .body(drills.pdf(drillNumber));
    }
}
