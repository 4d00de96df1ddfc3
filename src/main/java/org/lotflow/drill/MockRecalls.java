package org.lotflow.drill;

import java.util.List;

import org.lotflow.drill.internal.DrillReports;
import org.lotflow.drill.internal.DrillStarting;
import org.springframework.stereotype.Service;

/**
 * The drill module's API for other modules' screens (the Console): starting a mock recall, its report and the
 * history of drills, through the very use cases of {@code POST /api/mock-recalls} and
 * {@code GET /api/mock-recalls[/{drillNumber}]}, refused the same way (403 outside the recall coordinators for
 * a start, outside the recall coordinators and QA managers for a read; 400 without a lot number, 404 for an
 * unknown lot or drill). The review and the closing are the drill's Tasklist tasks.
 */
@Service
public class MockRecalls {

    private final DrillStarting starting;
    private final DrillReports reports;

    public MockRecalls(DrillStarting starting, DrillReports reports) {
        this.starting = starting;
        this.reports = reports;
    }

    /** Starts a drill on the lot, traced and reconciled at once, with its process; the drill's number. */
    public String start(String lotNumber) {
        return starting.start(lotNumber);
    }

    /** The drill's report. */
    public MockRecallReport report(String drillNumber) {
        return reports.report(drillNumber);
    }

    /** The drill's report as PDF (A4 landscape). */
    public byte[] pdf(String drillNumber) {
        return reports.pdf(drillNumber);
    }

    /** Every drill, newest first. */
    public List<MockRecallReport.Summary> history() {
        return reports.history();
    }
}
