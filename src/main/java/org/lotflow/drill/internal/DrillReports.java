package org.lotflow.drill.internal;

import java.time.Duration;
import java.util.List;

import org.lotflow.drill.DrillStatus;
import org.lotflow.drill.MockRecallReport;
import org.lotflow.lot.LotStock;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The drills' read side: a drill's report (JSON, or PDF through {@link DrillPdf}) and the history of
 * drills, newest first. Recall coordinators and QA managers (and administrators) only: 403 otherwise;
 * 404 for an unknown drill number.
 */
@Service
public class DrillReports {

    private final CurrentUser currentUser;
    private final DrillStore store;
    private final DrillScopeJson json;
    private final LotStock lots;
    private final DrillPdf pdf;

    DrillReports(CurrentUser currentUser, DrillStore store, DrillScopeJson json, LotStock lots, DrillPdf pdf) {
        this.currentUser = currentUser;
        this.store = store;
        this.json = json;
        this.lots = lots;
        this.pdf = pdf;
    }

    /** The drill's report. */
    @Transactional(readOnly = true)
    public MockRecallReport report(String drillNumber) {
        currentUser.require(Groups.RECALL_COORDINATOR, Groups.QA_MANAGER);
        return report(store.find(drillNumber).orElseThrow(() -> new NotFound("Drill", drillNumber)));
    }

    /** The drill's report as PDF (A4). */
    @Transactional(readOnly = true)
    public byte[] pdf(String drillNumber) {
        return pdf.pdf(report(drillNumber), currentUser::nameWithId);
    }

    /** Every drill, newest first, with its result and how long it took. */
    @Transactional(readOnly = true)
    public List<MockRecallReport.Summary> history() {
        currentUser.require(Groups.RECALL_COORDINATOR, Groups.QA_MANAGER);
        List<DrillStore.Row> rows = store.all();
        java.util.Map<Long, String> numbers = lots.lotNumbers(rows.stream().map(DrillStore.Row::lotId).distinct()
                .toList());
        return rows.stream().map(r -> new MockRecallReport.Summary(r.drillNumber(), numbers.get(r.lotId()),
                r.status(), r.startedAt(), r.startedBy(), r.finishedAt(), r.targetMinutes(), elapsed(r),
                r.reconciliationPercent(), r.resultReason())).toList();
    }

    /**
     * What the coordinator's tasks show of the drill (Tasklist): a few lines of Markdown, {@code e} applied to every
     * text of a user's (names, findings).
     */
    @Transactional(readOnly = true)
    public String summary(String drillNumber, java.util.function.UnaryOperator<String> e) {
        DrillStore.Row row = store.find(drillNumber).orElseThrow(() -> new NotFound("Drill", drillNumber));
        MockRecallReport r = report(row);
        StringBuilder text = new StringBuilder();
        text.append("Lot ").append(e.apply(r.lotNumber())).append(", started ")
                .append(e.apply(org.lotflow.shared.process.TaskForm.text(r.startedAt()))).append(" by ")
                .append(e.apply(currentUser.nameWithId(r.startedBy()))).append("; target ").append(r.targetMinutes()).append(" minutes (due ")
                .append(e.apply(org.lotflow.shared.process.TaskForm.text(r.dueAt()))).append(").\n\n");
        text.append("**Scope:** ").append(counted(r.lots().size(), "lot")).append(", ")
                .append(counted(r.suppliers().size(), "supplier lot")).append(", ")
                .append(counted(r.customers().size(), "customer")).append(" reached").append(customersHolding(r))
                .append(". Reconciliation: ")
                .append(percent(r.reconciliationPercent())).append(".\n\n");
        for (MockRecallReport.Lot l : r.lots()) {
            text.append("- ").append(e.apply(l.roleInWords())).append(' ').append(e.apply(l.lotNumber()))
                    .append(" (").append(e.apply(lotStatusWords(l.status()))).append("): ")
                    .append(MassBalance.plain(l.quantity())).append(' ').append(e.apply(l.unit())).append(" = on hand ")
                    .append(MassBalance.plain(l.onHand())).append(shippedInWords(l,
                            reported(r, l.lotNumber()) ? atCustomers(r, l.lotNumber(),
                                    MockRecallReport.CustomerLot::stillAtCustomer) : null,
                            atCustomers(r, l.lotNumber(), MockRecallReport.CustomerLot::destroyedAtCustomer)))
                    .append(" + consumed ").append(MassBalance.plain(l.consumed())).append(" + disposed ")
                    .append(MassBalance.plain(l.disposed())).append(", difference ")
                    .append(MassBalance.plain(l.difference())).append('\n');
        }
        for (MockRecallReport.Supplier s : r.suppliers()) {
            text.append("- supplier ").append(e.apply(s.supplier())).append(" (their lot ")
                    .append(e.apply(s.supplierLotNumber())).append(") -> ").append(e.apply(s.lotNumber())).append('\n');
        }
        for (MockRecallReport.Customer c : r.customers()) {
            text.append("- customer ").append(e.apply(c.customer())).append(": ");
            text.append(String.join("; ", c.lots().stream().map(l -> e.apply(l.lotNumber()) + " "
                    + e.apply(l.inWords())).toList()));
            c.destroyedAtCustomer().stream().filter(d -> !d.perLot())
                    .forEach(d -> text.append("; ").append(e.apply(d.inWords())));
            text.append('\n');
        }
        r.findings().forEach(f -> text.append("- finding: ").append(e.apply(f)).append('\n'));
        if (r.traceComplete() != null) {
            text.append("\n**Review** by ").append(e.apply(currentUser.nameWithId(r.reviewedBy()))).append(": trace ")
                    .append(r.traceComplete() ? "complete" : "NOT complete").append(". ")
                    .append(e.apply(r.reviewFindings()));
        }
        return text.toString();
    }

    /**
     * A lot's shipped term of its balance: " + shipped 15"; when goods came back under a recall, what is still out at
     * its customers and how: " + still at customers 15 (25 shipped less 10 received back)"; when its customers
     * destroyed some on site by their answers to a recall ({@code destroyed}, the sum of their
     * {@code destroyedAtCustomer} of the lot): " + still at customers 5 + destroyed at customers 10 (25 shipped less 10
     * received back)", {@code stillAtCustomers} the sum of their {@code stillAtCustomer} of the lot: the two add up to
     * the lot's shipped when the customers' figures agree (a finding otherwise); what they said they returned and the
     * plant never received is a term of its own: " + still at customers 50 + destroyed at customers 5 + said returned,
     * not received 25 (80 shipped)". {@code stillAtCustomers} null: not counted per customer (older drills).
     */
    static String shippedInWords(MockRecallReport.Lot l, java.math.BigDecimal stillAtCustomers,
            java.math.BigDecimal destroyed) {
        boolean anyDestroyed = destroyed != null && destroyed.signum() > 0;
        // what customers said they sent back and the plant never received (new user 29 F9: "400 = 0 + 50 + 5 + 0 +
        // 320" added up to 375 beside a finding of 25 pails neither at the customer nor at the plant): a term of its own
        java.math.BigDecimal notReceived = stillAtCustomers == null ? java.math.BigDecimal.ZERO
                : l.shipped().subtract(stillAtCustomers).subtract(anyDestroyed ? destroyed : java.math.BigDecimal.ZERO)
                        .max(java.math.BigDecimal.ZERO);
        boolean anyNotReceived = notReceived.signum() > 0;
        if (!anyDestroyed && !anyNotReceived && (l.receivedBack() == null || l.receivedBack().signum() == 0)) {
            return " + shipped " + MassBalance.plain(l.shipped());
        }
        java.math.BigDecimal back = l.receivedBack() == null ? java.math.BigDecimal.ZERO : l.receivedBack();
        java.math.BigDecimal still = anyDestroyed || anyNotReceived ? stillAtCustomers : l.shipped();
        return " + still at customers " + MassBalance.plain(still)
                + (anyDestroyed ? " + destroyed at customers " + MassBalance.plain(destroyed) : "")
                + (anyNotReceived ? " + said returned, not received " + MassBalance.plain(notReceived) : "") + " ("
                + MassBalance.plain(l.shipped().add(back)) + " shipped"
                + (back.signum() == 0 ? "" : " less " + MassBalance.plain(back) + " received back") + ")";
    }

    /** Whether the drill counted what each customer of the lot still holds (drills started before it did not). */
    static boolean reported(MockRecallReport r, String lotNumber) {
        return r.customers().stream().flatMap(c -> c.lots().stream())
                .anyMatch(l -> lotNumber.equals(l.lotNumber()) && l.stillAtCustomer() != null);
    }

    /**
     * The sum over the customers of lot {@code lotNumber} of {@code figure} (their {@code destroyedAtCustomer} or
     * {@code stillAtCustomer} of it); 0 when none, or in drills started before it was reported.
     */
    static java.math.BigDecimal atCustomers(MockRecallReport r, String lotNumber,
            java.util.function.Function<MockRecallReport.CustomerLot, java.math.BigDecimal> figure) {
        return r.customers().stream().flatMap(c -> c.lots().stream())
                .filter(l -> lotNumber.equals(l.lotNumber()) && figure.apply(l) != null).map(figure)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
    }

    /**
     * After the count of customers reached: how many still hold goods of the scope, when some sent theirs back
     * (", 2 still holding goods of the scope"); "" when none sent anything back. A customer that sent everything back
     * was reached all the same.
     */
    static String customersHolding(MockRecallReport r) {
        boolean anyBack = r.customers().stream().flatMap(c -> c.lots().stream())
                .anyMatch(l -> l.receivedBack() != null && l.receivedBack().signum() > 0);
        if (!anyBack) {
            return "";
        }
        long holding = r.customers().stream().filter(c -> c.lots().stream()
                .anyMatch(l -> l.stillAtCustomer() != null && l.stillAtCustomer().signum() > 0)).count();
        return ", " + holding + " still holding goods of the scope";
    }

    /**
     * A lot's status in words ("recalled", "released"), as it reads inside the form's parentheses: no parentheses of
     * its own ("pending, not released yet", new user round 24b N6: "(pending (not released yet))"); its code when it
     * is no status.
     */
    static String lotStatusWords(String status) {
        try {
            return org.lotflow.lot.LotStatus.valueOf(status).inWords().replace(" (", ", ").replace(")", "");
        } catch (IllegalArgumentException | NullPointerException e) {
            return String.valueOf(status);
        }
    }

    /**
     * A share as the Console writes it, one decimal and the sign after a space, cut, never rounded up to a 100.0 it
     * did not reach ("99.9 %", new user round 24 N3: "100.00 %").
     */
    static String percent(java.math.BigDecimal value) {
        return value.setScale(1, java.math.RoundingMode.DOWN).toPlainString() + " %";
    }

    MockRecallReport report(DrillStore.Row r) {
        DrillScope scope = json.read(r.scope());
        String lotNumber = scope.lots().stream().filter(l -> DrillTracing.DRILLED.equals(l.role()))
                .map(MockRecallReport.Lot::lotNumber).findFirst()
                .orElseGet(() -> lots.lotNumbers(List.of(r.lotId())).get(r.lotId()));
        return new MockRecallReport(r.drillNumber(), lotNumber, r.status(), r.startedAt(), r.startedBy(),
                r.finishedAt(), r.finishedBy(), r.targetMinutes(),
                r.startedAt().plus(Duration.ofMinutes(r.targetMinutes())), elapsed(r), r.traceComplete(),
                r.reviewFindings(), r.reviewedBy(), r.reviewedAt(), r.closeComment(), r.resultReason(),
                scope.reconciliationPercent(), scope.lots(), scope.suppliers(), scope.customers(), scope.findings());
    }

    private static Long elapsed(DrillStore.Row r) {
        return r.status() == DrillStatus.IN_PROGRESS || r.finishedAt() == null ? null
                : DrillOutcome.elapsedMinutes(r.startedAt(), r.finishedAt());
    }

    /** "1 lot", "2 lots". */
    private static String counted(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }
}
