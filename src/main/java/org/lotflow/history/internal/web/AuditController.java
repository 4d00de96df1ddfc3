package org.lotflow.history.internal.web;

import org.lotflow.history.AuditTrail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit/verify}: checks the audit trail's hash chain end to end (issue #16; 21 CFR 11.10(e)) and
 * answers {@code {intact, events, lastHash, firstBroken?: {position, eventId, lotNumber, problem}, checkedAt,
 * checkedBy, records: {checked, disagreeing, first: [{table, key, lotNumber, field, recorded, found}]}}}: {@code records}
 * compares each lot's status, shipment line and lab result with its events and names every disagreement (the first
 * 100; {@code intact} is false while any disagrees; audit 29 F2). The check is recorded. QA managers and
 * administrators; 403 (problem+json) for anyone else. It reads every event once (seconds for millions of events).
 */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

    private final AuditTrail audit;

    public AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    /**
     * {@code GET /api/audit/clock-settings}: every start of lotflow on a fixed day ({@code lotflow.today}) that the
     * chained audit trail recorded ({@code CLOCK_SET}), newest first, at most 100: {@code [{eventId, at, userId, reason,
     * detail: {fixedDay, realTime, clockStartedAt, zone, allowedBy, node, process, osUser, movedOnBy}}]}; {@code []}
     * when it always ran on the real clock. QA managers and administrators; 403 otherwise. 21 CFR 11.10(e).
     */
    @GetMapping("/clock-settings")
    public java.util.List<AuditTrail.ClockSetting> clockSettings() {
        return audit.clockSettings();
    }

    /** Seals what is pending, verifies the whole chain, records and answers the result. */
    @GetMapping("/verify")
    public AuditTrail.Verification verify() {
        return audit.verify();
    }
}
