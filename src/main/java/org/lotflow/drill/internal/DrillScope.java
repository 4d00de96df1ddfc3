package org.lotflow.drill.internal;

import java.math.BigDecimal;
import java.util.List;

import org.lotflow.drill.MockRecallReport;

/**
 * What a drill found when it started, stored once as JSON on its row ({@code mock_recall.scope}) and
 * never changed: the lots with their mass balance, the suppliers one step back, the customers, the
 * mass-balance findings and the drill's reconciliation percentage.
 */
record DrillScope(List<MockRecallReport.Lot> lots, List<MockRecallReport.Supplier> suppliers,
        List<MockRecallReport.Customer> customers, List<String> findings, BigDecimal reconciliationPercent) {

    /** How many lots of the scope do not reconcile. */
    int lotsNotReconciled() {
        return (int) lots.stream().filter(l -> l.difference().signum() != 0).count();
    }
}
