package org.lotflow.console.internal.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.lotflow.lot.LotService;
import org.lotflow.release.LabRecords;
import org.lotflow.release.LabVerdict;
import org.springframework.stereotype.Component;

/**
 * Which lots of a page stand on lab results out of specification (released on a QA manager's signed OOS decision, 21
 * CFR 211.192, or not yet decided): lot number -> the failed tests ("flashPoint = 212"), so sales sees on an order's
 * allocations that a lot does not meet the product's specification before shipping it to a customer whose own
 * specification it may break (new user 2026-12-06 U5). One look-up of the lot and its current verdict per lot given:
 * for the few lots of one order, not for lists.
 */
@Component
class OosReleaseMarks {

    private final LotService lots;
    private final LabRecords labRecords;

    OosReleaseMarks(LotService lots, LabRecords labRecords) {
        this.lots = lots;
        this.labRecords = labRecords;
    }

    /** The lots among {@code lotNumbers} whose current lab verdict failed, with their failed tests. */
    Map<String, String> of(Collection<String> lotNumbers) {
        Map<String, String> marks = new LinkedHashMap<>();
        for (String lotNumber : new java.util.LinkedHashSet<>(lotNumbers)) {
            LabVerdict verdict = labRecords.current(lots.get(lotNumber).getId());
            if (verdict != null && !verdict.passed()) {
                marks.put(lotNumber, verdict.failedTests());
            }
        }
        return marks;
    }
}
