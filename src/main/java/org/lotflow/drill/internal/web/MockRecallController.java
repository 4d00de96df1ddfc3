package org.lotflow.drill.internal.web;

import java.net.URI;
import java.util.List;

import org.lotflow.drill.MockRecallReport;
import org.lotflow.drill.internal.DrillReports;
import org.lotflow.drill.internal.DrillStarting;
import org.lotflow.drill.internal.DrillWork;
import org.lotflow.security.AllowedGroups;
import org.lotflow.security.Groups;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/mock-recalls}: mock-recall drills (issue #14; BRCGS 3.9/3.11, SQF 2.6.3).
 * <ul>
 * <li>{@code POST /api/mock-recalls} {@code {lotNumber}}: 201 with the drill's report
 * ({@link MockRecallReport}), {@code mockRecall} started; changes no lot, order or customer. Recall
 * coordinators (and administrators) only, 403 otherwise; 400 naming {@code lotNumber} when missing, 404
 * naming it for an unknown lot.</li>
 * <li>{@code GET /api/mock-recalls}: the history, newest first ({@link MockRecallReport.Summary}: result,
 * target and elapsed minutes, reconciliation).</li>
 * <li>{@code GET /api/mock-recalls/{drillNumber}}: the report as JSON, or as PDF with
 * {@code Accept: application/pdf}; 404 for an unknown drill.</li>
 * <li>{@code POST /api/mock-recalls/{drillNumber}/review} {@code {traceComplete, findings}} and
 * {@code POST .../close} {@code {comment}}: the coordinator's two tasks, completed as the caller; 200 with
 * the report; 409 when the drill is not at that step (already reviewed or closed, failed by its timer).</li>
 * </ul>
 * Reading: recall coordinators and QA managers (and administrators); 403 otherwise. Errors are RFC 9457
 * problem+json, also to a PDF request. A drill's number in a path is found whatever the case it is typed in
 * ({@code mr-2025-0003} is MR-2025-0003: {@link org.lotflow.shared.input.MadeNumbers}; auditor round 22 L2), and the
 * report gives it as stored.
 */
@RestController
@RequestMapping("/api/mock-recalls")
public class MockRecallController {

    private final DrillStarting starting;
    private final DrillWork work;
    private final DrillReports reports;

    public MockRecallController(DrillStarting starting, DrillWork work, DrillReports reports) {
        this.starting = starting;
        this.work = work;
        this.reports = reports;
    }

    /** The body: the lot the drill traces. */
    public record DrillRequest(String lotNumber) {
    }

    /** The review: is the trace complete (true/false), and the findings (text, required, at most 4000 characters). */
    public record ReviewRequest(Boolean traceComplete, String findings) {
    }

    /** The closing statement (text, required, at most 2000 characters). */
    public record CloseRequest(String comment) {
    }

    @AllowedGroups(value = {Groups.RECALL_COORDINATOR}, work = "start a mock-recall drill")
    @PostMapping
    public ResponseEntity<MockRecallReport> start(@RequestBody DrillRequest request) {
        String drillNumber = starting.start(request.lotNumber());
        return ResponseEntity.created(URI.create("/api/mock-recalls/" + drillNumber)).body(reports.report(drillNumber));
    }

    @GetMapping
    public List<MockRecallReport.Summary> history() {
        return reports.history();
    }

    @GetMapping(path = "/{drillNumber}", produces = MediaType.APPLICATION_JSON_VALUE)
    public MockRecallReport report(@PathVariable String drillNumber) {
        drillNumber = org.lotflow.shared.input.MadeNumbers.asMade(drillNumber); // whatever the case typed (L2)
        return reports.report(drillNumber);
    }

    @GetMapping(path = "/{drillNumber}", produces = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<byte[]> reportPdf(@PathVariable String drillNumber) {
        drillNumber = org.lotflow.shared.input.MadeNumbers.asMade(drillNumber); // whatever the case typed (L2)
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.inline().filename(drillNumber + ".pdf").build()
                        .toString())
                .body(reports.pdf(drillNumber));
    }

    @AllowedGroups(value = {Groups.RECALL_COORDINATOR}, work = "review a drill")
    @PostMapping("/{drillNumber}/review")
    public MockRecallReport review(@PathVariable String drillNumber, @RequestBody ReviewRequest request) {
        drillNumber = org.lotflow.shared.input.MadeNumbers.asMade(drillNumber); // whatever the case typed (L2)
        work.requestReview(drillNumber, request.traceComplete(), request.findings());
        return reports.report(drillNumber);
    }

    @AllowedGroups(value = {Groups.RECALL_COORDINATOR}, work = "close a drill")
    @PostMapping("/{drillNumber}/close")
    public MockRecallReport close(@PathVariable String drillNumber, @RequestBody CloseRequest request) {
        drillNumber = org.lotflow.shared.input.MadeNumbers.asMade(drillNumber); // whatever the case typed (L2)
        work.requestClose(drillNumber, request.comment());
        return reports.report(drillNumber);
    }
}
