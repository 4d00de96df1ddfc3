package org.lotflow.console.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import org.lotflow.release.LabResultsRecording;
import org.lotflow.shared.Refusal;
import org.lotflow.security.AllowedGroups;
import org.lotflow.security.Groups;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Lab results recorded on a lot's page: for a lot held since it arrived (a product received into {@code QUARANTINE})
 * there is no lab release and so no Tasklist task to record its incoming inspection in, and its disposition's RELEASE
 * needs valid, passing results (21 CFR 211.84(d)); new user 2026-12-06 N1: a QA manager was sent to the API. The
 * results are typed as in Tasklist's form, one {@code test = value} per line, and recorded through the API's own
 * recording ({@link LabResultsRecording#submitTyped}) with its rules and refusals (403 outside QA, 400 naming
 * {@code labResults} and the line, 409 for a lot that takes none), shown at the form.
 */
@Controller
class LabResultsPages {

    private final LabResultsRecording recording;
    private final LotPages lotPages;

    LabResultsPages(LabResultsRecording recording, LotPages lotPages) {
        this.recording = recording;
        this.lotPages = lotPages;
    }

    @AllowedGroups(value = {Groups.QA_ANALYST, Groups.QA_MANAGER}, work = "record lab results")
    @PostMapping("/console/lots/{lotNumber}/lab-results")
    String record(@PathVariable String lotNumber, @RequestParam(required = false) String labResults, Model model,
            HttpServletResponse response) {
        try {
            recording.submitTyped(lotNumber, labResults);
            return "redirect:/console/lots/" + lotNumber + "?labRecorded#lab";
        } catch (Refusal e) {
            model.addAttribute("labForm", labResults == null ? "" : labResults);
            return lotPages.refused(e, "lab", lotNumber, model, response);
        }
    }
}
