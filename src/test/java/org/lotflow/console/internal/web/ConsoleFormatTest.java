package org.lotflow.console.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** {@link ConsoleFormat#duration}: ISO durations as a person reads them. */
class ConsoleFormatTest {

    private final ConsoleFormat format = new ConsoleFormat(Clock.system(ZoneId.of("UTC")));

    @Test
    void durationsReadAsHoursMinutesAndDays() {
        assertThat(format.duration("PT48H")).isEqualTo("48 hours");
        assertThat(format.duration("PT1H")).isEqualTo("1 hour");
        assertThat(format.duration("PT90M")).isEqualTo("1 hour 30 minutes");
        assertThat(format.duration("PT45M")).isEqualTo("45 minutes");
        assertThat(format.duration("P2D")).isEqualTo("48 hours");
        assertThat(format.duration("P1M")).isEqualTo("P1M");
        assertThat(format.duration("soon")).isEqualTo("soon");
        assertThat(format.duration(null)).isEmpty();
    }

    /** New user's U8: a history detail read as words, not Java's map syntax. */
    @Test
    void historyDetailsReadAsWords() {
        java.util.Map<String, Object> result = new java.util.LinkedHashMap<>();
        result.put("test", "viscosity40C");
        result.put("value", new java.math.BigDecimal("248.0"));
        result.put("min", new java.math.BigDecimal("245.000000")); // recorded before V156: the column's padding
        result.put("passed", true);
        result.put("note", null);
        // a lab value as written (8.0 stays 8.0; new user 2026-12-06 M3), an old limit without the padding
        assertThat(format.detail(java.util.List.of(result, java.util.Map.of("test", "flashPoint"))))
                .isEqualTo("test viscosity40C, value 248.0, min 245, passed yes; test flashPoint");
        // an event recorded as written (since V156): a value of 6 decimals is the analyst's, kept (auditor 2026-12-07 F3)
        java.util.Map<String, Object> written = new java.util.LinkedHashMap<>();
        written.put("test", "purity");
        written.put("value", new java.math.BigDecimal("95.100000"));
        written.put("min", new java.math.BigDecimal("90"));
        assertThat(format.detail(java.util.List.of(written), true)).isEqualTo("test purity, value 95.100000, min 90");
        assertThat(format.detail(java.util.List.of(written))).isEqualTo("test purity, value 95.1, min 90");
        assertThat(format.detail(java.util.List.of())).isEqualTo("none");
        assertThat(format.eventType("OOS_LAB_INVESTIGATION_CONCLUDED")).isEqualTo("OOS lab investigation concluded");
        assertThat(format.eventType("LAB_RESULTS_RECORDED")).isEqualTo("Lab results recorded");
        assertThat(format.eventType("OOS_PRODUCTION_INVESTIGATION_CONCLUDED")).isEqualTo("OOS full-scale investigation"
                + " concluded"); // FDA's phase II name (new user 2026-12-07 F4)
        assertThat(format.words("decisionDueAt")).isEqualTo("decision due at");
        assertThat(format.detail(null)).isEmpty();
    }

    /** New user 2026-12-06 L2: a hold's decision due showed as "2025-02-04T09:08:25.145Z" in the history. */
    @Test
    void anInstantKeptAsTextReadsAsEveryTimeOnThePage() {
        assertThat(format.detail(java.util.Map.of("decisionDueAt", "2025-02-04T09:08:25.145Z")))
                .isEqualTo("decision due at 2025-02-04 09:08 UTC");
        assertThat(format.detail("2025-01-28T09:16:53.902481Z")).isEqualTo("2025-01-28 09:16 UTC");
        assertThat(format.detail("2025-02-04")).as("a date stays a date").isEqualTo("2025-02-04");
        assertThat(format.detail("WM-2025-0107")).isEqualTo("WM-2025-0107");
    }

    /**
     * New user 2026-12-07 F10: engine codes in the audit trail and on recall and drill pages read as the forms' words;
     * a value that is no code of its key, and a key without codes, as before.
     */
    @Test
    void engineCodesReadAsTheFormsWords() {
        assertThat(format.detail("conclusion", "CONFIRMED", false)).isEqualTo("Confirmed: no laboratory error");
        assertThat(format.detail("conclusion", "LAB_ERROR", false)).startsWith("Laboratory error");
        assertThat(format.detail("method", "RETURNED_TO_SUPPLIER", false)).isEqualTo("Returned to the supplier");
        assertThat(format.detail("method", "DESTROYED", false)).isEqualTo("Destroyed");
        assertThat(format.detail("method", "BURNT", false)).isEqualTo("BURNT");
        assertThat(format.detail("decision", "REJECT", false)).isEqualTo("Reject");
        assertThat(format.detail("decision", "RELEASE", false)).isEqualTo("Release");
        assertThat(format.detail("classification", "CLASS_II", false)).isEqualTo("Class II");
        assertThat(format.detail("contactMethod", "PHONE", false)).isEqualTo("Telephone call");
        assertThat(format.detail("source", "COMPLAINT", false)).isEqualTo("Customer complaint");
        // RECEIPT under "source" is a new lot's source (main 73daf228: where a lot came from in words)
        assertThat(format.detail("source", "RECEIPT", false)).as("a lot's source in words")
                .isEqualTo("Received from a supplier");
        assertThat(format.detail("manufactureDateStated", false, false)).startsWith("no: the supplier stated none");
        assertThat(format.detail("round", 1, false)).isEqualTo("1");
        assertThat(format.detail("reference", "REJECT", false)).as("a key without codes").isEqualTo("REJECT");
        assertThat(format.recallClass("CLASS_I")).isEqualTo("Class I");
        assertThat(format.recallClass("CLASS_III")).isEqualTo("Class III");
        assertThat(format.recallClass(null)).isEmpty();
        assertThat(format.recallStatus("AWAITING_CLOSE")).isEqualTo("Awaiting closure");
        assertThat(format.recallStatus("NOTIFYING")).isEqualTo("Notifying customers");
        assertThat(format.recallStatus("CLOSED")).isEqualTo("Closed");
        assertThat(format.drillStatus("IN_PROGRESS")).isEqualTo("In progress");
        assertThat(format.drillStatus(org.lotflow.drill.DrillStatus.PASSED)).isEqualTo("Passed");
        assertThat(format.overrideStatus("APPROVED")).isEqualTo("Approved");
        assertThat(format.overrideStatus("LOT_UNAVAILABLE")).isEqualTo("Approved, requested lot unavailable");
        assertThat(format.overrideStatus("PENDING")).isEqualTo("Pending");
        assertThat(format.lotStatus("RECALLED")).isEqualTo("Recalled");
        assertThat(format.lotStatus("QUARANTINE")).isEqualTo("In quarantine");
    }

    /**
     * New user round 25 N2: a hold's audit trail read "trigger COMPLAINT" (hold placed, status changed) and "outcome
     * RELEASE" (customers informed) beside "decision Release"; a recall scope's record "status PENDING".
     */
    @Test
    void aHoldsTriggerAndOutcomeReadAsTheFormsWords() {
        assertThat(format.detail("trigger", "COMPLAINT", false)).isEqualTo("Customer complaint");
        assertThat(format.detail("trigger", "TEST_FAILURE", false)).isEqualTo("Test failure");
        // the triggers lotflow places itself: a hold's, not a lot's source
        assertThat(format.detail("trigger", "RECEIPT", false)).isEqualTo("Received into quarantine");
        assertThat(format.detail("trigger", "RECALLED_MATERIAL", false)).isEqualTo("Made from recalled material");
        assertThat(format.detail("trigger", "SOMETHING", false)).as("no code of its key").isEqualTo("SOMETHING");
        assertThat(format.detail("outcome", "RELEASE", false)).isEqualTo("Release");
        assertThat(format.detail("outcome", "REJECT", false)).isEqualTo("Reject");
        assertThat(format.detail("status", "PENDING", false)).isEqualTo("Pending (not released yet)");
        assertThat(format.detail("status", "RECALLED", false)).isEqualTo("Recalled");
        assertThat(format.detail("status", "OPEN", false)).as("no lot status").isEqualTo("OPEN");
    }

    /** The reports' codes in the pages' words, by report and column; a lot's status elsewhere keeps its code. */
    @Test
    void reportCodesReadAsThePagesWords() {
        var words = format.reportCodeWords();
        assertThat(words.get("report-recall-impact").get("classification")).containsEntry("CLASS_I", "Class I")
                .containsEntry("CLASS_III", "Class III");
        assertThat(words.get("report-recall-impact").get("status")).containsEntry("CLOSED", "Closed")
                .containsEntry("AWAITING_CLOSE", "Awaiting closure");
        assertThat(words.get("report-fefo-compliance").get("status")).containsEntry("APPROVED", "Approved")
                .containsEntry("REFUSED", "Refused");
        assertThat(words.get("report-complaints").get("outcome")).containsEntry("RELEASE", "Release")
                .containsEntry("REJECT", "Reject").containsEntry("OPEN", "Open (not decided yet)");
        assertThat(words).doesNotContainKey("report-fefo");
    }

    /** Every share one way (new user round 24 N3): one decimal, a space, the sign; never rounded up to 100. */
    @Test
    void percentagesReadOneWay() {
        assertThat(format.percent(new java.math.BigDecimal("85.7"))).isEqualTo("85.7 %");
        assertThat(format.percent(new java.math.BigDecimal("100.00"))).isEqualTo("100.0 %");
        assertThat(format.percent(new java.math.BigDecimal("99.99"))).isEqualTo("99.9 %");
        assertThat(format.percent(75)).isEqualTo("75.0 %");
        assertThat(format.percent(null)).isEmpty();
    }
    /** New user 26 F3: a new lot's source lots with their own unit, not "quantity 1000, lot number RM-2025-015". */
    @Test
    void aSourceLotsQuantityIsWrittenInItsOwnUnit() {
        ConsoleFormat withUnits = new ConsoleFormat(Clock.system(ZoneId.of("UTC")),
                lot -> "RM-2025-015".equals(lot) ? "gal" : null);
        assertThat(withUnits.detail("sourceLots", java.util.List.of(java.util.Map.of("quantity",
                new java.math.BigDecimal("1000.000"), "lotNumber", "RM-2025-015"), java.util.Map.of("lotNumber",
                        "GONE-1", "quantity", new java.math.BigDecimal("2.5"))), false))
                .isEqualTo("RM-2025-015: 1000 gal; GONE-1: 2.5");
        assertThat(withUnits.detail("sourceLots", java.util.List.of(), false)).isEqualTo("none");
    }
    /** New user 26 F4: a drill's customer cell gives the four figures its column's header names. */
    @Test
    void aDrillsCustomerLotGivesTheFourFiguresItsHeaderNames() {
        java.math.BigDecimal zero = java.math.BigDecimal.ZERO;
        assertThat(format.customerLot(new org.lotflow.drill.MockRecallReport.CustomerLot("L-1", "S", "drums",
                new java.math.BigDecimal("200"), zero, new java.math.BigDecimal("200.000"), zero)))
                .isEqualTo("200 drums shipped, none received back, none destroyed at the customer, 200 drums still at"
                        + " the customer");
        assertThat(format.customerLot(new org.lotflow.drill.MockRecallReport.CustomerLot("L-1", "S", "kg",
                new java.math.BigDecimal("15"), new java.math.BigDecimal("2"), new java.math.BigDecimal("3"),
                new java.math.BigDecimal("10")))).isEqualTo("15 kg shipped, 2 kg received back, 10 kg destroyed at"
                        + " the customer, 3 kg still at the customer");
        assertThat(format.customerLot(new org.lotflow.drill.MockRecallReport.CustomerLot("L-1", "S", "kg",
                new java.math.BigDecimal("5"), null, null, null))).isEqualTo("5 kg shipped, received back not counted,"
                        + " destroyed at the customer not counted, still at the customer not counted (the drill started"
                        + " before lotflow counted them)");
    }
    /** New user 26 F7: 09:25:13 to 09:27:19 is 2 min 6 s, counted as 3 minutes against the target, said both ways. */
    @Test
    void aDrillsTimeIsSaidAsTakenAndAsTheTargetCountsIt() {
        java.time.Instant start = java.time.Instant.parse("2025-01-28T09:25:13Z");
        assertThat(format.drillElapsed(start, java.time.Instant.parse("2025-01-28T09:27:19Z"), 3L))
                .isEqualTo("2 min 6 s (3 minutes against the target: a begun minute counts)");
        assertThat(format.drillElapsed(start, java.time.Instant.parse("2025-01-28T09:25:40Z"), 1L))
                .isEqualTo("27 s (1 minute against the target: a begun minute counts)");
        assertThat(format.drillElapsed(start, java.time.Instant.parse("2025-01-28T09:28:13Z"), 3L)).isEqualTo("3 minutes");
    }
}
