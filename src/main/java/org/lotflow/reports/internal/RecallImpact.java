package org.lotflow.reports.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.lotflow.lot.LotReports;
import org.lotflow.product.Product;
import org.lotflow.recall.RecallReports;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seed's recall impact analysis ("Regulatory Reports: Recall impact analysis"): per recall, its scope
 * (lots in scope and recalled, the lots named), and per customer the quantity shipped of affected lots, whether
 * the notification is answered, the quantity returned to the plant, the quantity destroyed at the customer (21 CFR
 * 7.59; null for answers recorded before the two were kept apart, V138) and what is still outstanding at the customer
 * ({@code outstanding}: shipped less the larger of what the customer said it returned and what was received back from
 * it at the plant, less what it destroyed, never below 0; the figure the recall's page and its closing give as "still
 * at customers", {@link RecallReports.CustomerRow#stillAtCustomer}, new user round 24b N1; a customer that has not
 * answered and sent nothing back holds all it was shipped), and what its figures account for beyond what it was
 * shipped ({@code accountedBeyondShipped}: the larger of what it said it returned and what was received back, plus what
 * it destroyed, less what it was shipped, 0 when they agree; more than 0, one of them is wrong, and its {@code check}
 * says so, as the recall's effectiveness and closing do, {@link RecallReports.CustomerRow#accountedBeyondShipped}; 21
 * CFR 7.55(a), 7.42(b)(3)); a recall's {@code outstanding} per unit adds its
 * customers' (so it need not be shipped - returned - destroyed when the plant received more than was said); and, once
 * closed, how the recalled stock on hand left the plant ({@code disposals}, 21 CFR 7.55(a); JSON only: the CSV has a
 * row per customer).
 * Quantities are the recall's as recorded, exact decimals in the unit of the lots shipped: a customer that received
 * lots of several units has a row per unit, and a recall's quantities are added per unit only (auditor 2026-12-06
 * G2: pails and kilograms were added). QA analysts, QA
 * managers and recall coordinators may read it (administrators always).
 */
@Service
@Transactional(readOnly = true)
public class RecallImpact {

    static final String[] REGULATORY = {Groups.QA_ANALYST, Groups.QA_MANAGER, Groups.RECALL_COORDINATOR};

    private final RecallReports recalls;
    private final LotReports lots;
    private final ReportFilters filters;
    private final CurrentUser currentUser;

    public RecallImpact(RecallReports recalls, LotReports lots, ReportFilters filters, CurrentUser currentUser) {
        this.recalls = recalls;
        this.lots = lots;
        this.filters = filters;
        this.currentUser = currentUser;
    }

    /**
     * One customer of a recall, for what it received in {@code unit}: {@code notified} only when its notification is
     * answered and it was reached (told; 21 CFR 7.53), {@code reached} false when the plant could not reach it (null
     * while open and for answers recorded before V145, which count as reached); {@code notifiedAt} when it was told,
     * null when it was not (a failed attempt's time is the recall's timeline's). {@code quantityReceived}: what arrived
     * back at the plant from it under this recall (goods counted at the dock, beside what it said it returned);
     * {@code accountedBeyondShipped}: what the larger of the two, plus what it destroyed, accounts for beyond what it
     * was shipped (0 when nothing); {@code check}: a sentence where the two disagree or more is accounted for than was
     * shipped, "" otherwise (new user 2026-12-07 L9: "outstanding 0" while goods it said it returned never arrived).
     */
    public record Customer(String customer, String unit, BigDecimal quantityShipped, boolean notified, Boolean reached,
            Boolean acknowledged, BigDecimal quantityReturned, BigDecimal quantityDestroyed, BigDecimal outstanding,
            Instant notifiedAt, BigDecimal quantityReceived, BigDecimal accountedBeyondShipped, String check) {
    }

    /** A recall's quantities in one unit, over its customers. */
    public record UnitTotal(String unit, BigDecimal quantityShipped, BigDecimal quantityReturned,
            BigDecimal quantityDestroyed, BigDecimal outstanding) {
    }

    /**
     * One recall's impact: {@code customers} counted once each, {@code customersNotified} those told (answered and
     * reached) for every unit they received, {@code customersNotReached} those an answer says could not be reached; quantities per unit ({@code byUnit}), and as totals only when the recall reached one unit
     * (null otherwise).
     */
    public record Recall(String recallNumber, String classification, String status, String reason, Instant openedAt,
            Instant closedAt, List<String> namedLots, List<String> skus, long lotsInScope, long lotsRecalled,
            int customers, int customersNotified, int customersNotReached, BigDecimal quantityShipped, BigDecimal quantityReturned,
            BigDecimal quantityDestroyed, BigDecimal outstanding, List<UnitTotal> byUnit, List<Customer> byCustomer,
            List<RecallReports.DisposalRow> disposals, String closeJustification) {
    }

    /** The report: recalls opened in {@code [from, to]} (or the one asked for), optionally of one product. */
    public record Report(LocalDate from, LocalDate to, String sku, String recall, List<Recall> recalls)
            implements ReportTable {

        @Override
        public List<String> csvHeader() {
            return List.of("recallNumber", "classification", "status", "openedAt", "lotsInScope", "lotsRecalled",
                    "customer", "unit", "quantityShipped", "notified", "reached", "acknowledged", "quantityReturned",
                    "quantityDestroyed", "outstanding",
                    "notifiedAt", "quantityReceived", "accountedBeyondShipped", "check");
        }

        @Override
        public List<List<Object>> csvRows() {
            List<List<Object>> rows = new ArrayList<>();
            for (Recall r : recalls) {
                for (Customer c : r.byCustomer()) {
                    rows.add(Arrays.asList(r.recallNumber(), r.classification(), r.status(), r.openedAt(),
                            r.lotsInScope(), r.lotsRecalled(), c.customer(), c.unit(), c.quantityShipped(), c.notified(),
                            c.reached(), c.acknowledged(), c.quantityReturned(), c.quantityDestroyed(), c.outstanding(),
                            c.notifiedAt(), c.quantityReceived(), c.accountedBeyondShipped(), c.check()));
                }
            }
            return rows;
        }
    }

    /**
     * Where what arrived at the plant and what the customer said it returned disagree, in a sentence, and where more is
     * accounted for than was shipped ("...; 5 pails more accounted for than shipped (returned or received back, plus
     * destroyed): one of the figures is wrong"); else "".
     */
    static String check(RecallReports.CustomerRow c) {
        return check(c, false);
    }

    /**
     * {@link #check(RecallReports.CustomerRow)}, saying of figures that contradict each other in a recall closed with a
     * justification ({@code justifiedAtClosing}) that its signed closing says which is right, not leaving them as an
     * open contradiction (new user 2026-12-07 25b F5); the justification is the recall's {@code closeJustification}.
     */
    static String check(RecallReports.CustomerRow c, boolean justifiedAtClosing) {
        String said = said(c);
        BigDecimal beyond = c.accountedBeyondShipped();
        String unit = c.unit() == null ? "" : " " + c.unit();
        String over = beyond.signum() == 0 ? "" : plain(beyond) + unit + " more accounted for than shipped (returned"
                + " or received back, plus destroyed): one of the figures is wrong"
                + (justifiedAtClosing ? "; the recall's signed closing says which (closeJustification)" : "");
        return said + (said.isEmpty() || over.isEmpty() ? "" : "; ") + over;
    }

    /** Where what arrived at the plant and what the customer said it returned disagree, in a sentence; else "". */
    private static String said(RecallReports.CustomerRow c) {
        BigDecimal received = c.quantityReceived() == null ? BigDecimal.ZERO : c.quantityReceived();
        String unit = c.unit() == null ? "" : " " + c.unit();
        return switch (org.lotflow.recall.ReturnCheck.of(c.answered(), Boolean.FALSE.equals(c.reached()),
                c.quantityReturned(), received)) {
            case FROM_NOT_REACHED -> "goods received from a customer recorded as not reached";
            // said, so "outstanding" is not read as all still out (re-test 2026-12-07 b L2)
            case BEFORE_ANSWER -> plain(received) + unit + " received at the plant; the customer has not answered yet";
            case DIFFERS -> "said " + plain(c.quantityReturned()) + unit + " returned, " + plain(received) + unit
                    + " received at the plant";
            case NONE -> "";
        };
    }

    private static String plain(BigDecimal q) {
        return q.signum() == 0 ? "0" : q.stripTrailingZeros().toPlainString();
    }

    /** {@code GET /api/reports/recall-impact}. */
    public Report report(String recallNumber, String sku, String from, String to) {
        currentUser.require(REGULATORY);
        Product product = filters.product(sku);
        ReportFilters.Range range = filters.range(from, to, 365);
        // found whatever the case it is typed in, as on the recall's own paths (re-test 2026-12-07 F10)
        String number = recallNumber == null || recallNumber.isEmpty() ? null
                : org.lotflow.shared.input.MadeNumbers.asMade(recallNumber);
        List<RecallReports.RecallRow> rows = recalls.recalls(number, filters.startOf(range.from()),
                filters.startOf(range.to().plusDays(1)));
        if (number != null && rows.isEmpty()) {
            throw new org.lotflow.shared.NotFound("Recall", number);
        }
        Set<Long> named = new HashSet<>();
        rows.forEach(r -> named.addAll(r.namedLotIds()));
        Map<Long, LotReports.LotRow> lot = lots.lots(named).stream()
                .collect(Collectors.toMap(LotReports.LotRow::id, Function.identity()));
        Map<Long, Product> products = filters.productsById();
        Map<Long, List<RecallReports.CustomerRow>> customers = recalls.customers(rows.stream()
                .map(RecallReports.RecallRow::id).toList()).stream()
                .collect(Collectors.groupingBy(RecallReports.CustomerRow::recallId));
        List<Recall> out = new ArrayList<>();
        for (RecallReports.RecallRow r : rows) {
            List<LotReports.LotRow> namedLots = r.namedLotIds().stream().map(lot::get).filter(l -> l != null).toList();
            if (product != null && namedLots.stream().noneMatch(l -> product.getId().equals(l.productId()))) {
                continue;
            }
            List<Customer> byCustomer = new ArrayList<>();
            Map<String, BigDecimal[]> perUnit = new java.util.TreeMap<>(
                    java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
            Map<String, Boolean> answered = new java.util.LinkedHashMap<>(); // customer -> told in every unit
            Set<String> notReached = new HashSet<>();
            for (RecallReports.CustomerRow c : customers.getOrDefault(r.id(), List.of())) {
                BigDecimal back = c.quantityReturned() == null ? BigDecimal.ZERO.setScale(3) : c.quantityReturned();
                BigDecimal destroyed = c.quantityDestroyed() == null ? BigDecimal.ZERO.setScale(3)
                        : c.quantityDestroyed();
                // what is still out there, as the recall's page and closing count it (new user round 24b N1)
                BigDecimal outstanding = c.stillAtCustomer();
                byCustomer.add(new Customer(c.customer(), c.unit(), c.quantityShipped(), c.notified(), c.reached(),
                        c.acknowledged(), c.quantityReturned(), c.quantityDestroyed(), outstanding,
                        // when it was told; a customer not reached was never told (re-test 2026-12-06 L7)
                        c.notified() ? c.notifiedAt() : null, c.quantityReceived(), c.accountedBeyondShipped(),
                        check(c, "CLOSED".equals(r.status()) && r.closeJustification() != null)));
                BigDecimal[] q = perUnit.computeIfAbsent(c.unit(), u -> new BigDecimal[] {BigDecimal.ZERO.setScale(3),
                        BigDecimal.ZERO.setScale(3), BigDecimal.ZERO.setScale(3), BigDecimal.ZERO.setScale(3)});
                q[0] = q[0].add(c.quantityShipped());
                q[1] = q[1].add(back);
                q[2] = q[2].add(destroyed);
                q[3] = q[3].add(outstanding);
                answered.merge(c.customer(), c.notified(), Boolean::logicalAnd);
                if (c.answered() && Boolean.FALSE.equals(c.reached())) {
                    notReached.add(c.customer());
                }
            }
            List<UnitTotal> byUnit = new ArrayList<>();
            perUnit.forEach((unit, q) -> byUnit.add(new UnitTotal(unit, q[0], q[1], q[2], q[3])));
            UnitTotal total = byUnit.size() == 1 && byUnit.get(0).unit() != null ? byUnit.get(0) : null;
            int notified = (int) answered.values().stream().filter(Boolean::booleanValue).count();
            out.add(new Recall(r.recallNumber(), r.classification(), r.status(), r.reason(), r.openedAt(),
                    r.closedAt(), namedLots.stream().map(LotReports.LotRow::lotNumber).sorted().toList(),
                    namedLots.stream().map(l -> products.get(l.productId()).getSku()).distinct().sorted().toList(),
                    r.lotsInScope(), r.lotsRecalled(), answered.size(), notified, notReached.size(),
                    total == null ? null : total.quantityShipped(), total == null ? null : total.quantityReturned(),
                    total == null ? null : total.quantityDestroyed(),
                    total == null ? null : total.outstanding(), List.copyOf(byUnit), byCustomer, r.disposals(),
                    r.closeJustification()));
        }
        return new Report(number == null ? range.from() : null, number == null ? range.to() : null,
                product == null ? null : product.getSku(), number, out);
    }
}
