package org.lotflow.reports.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.lotflow.lot.LotReports;
import org.lotflow.product.Product;
import org.lotflow.quarantine.HoldReports;
import org.lotflow.release.LabReports;
import org.lotflow.reports.internal.rules.ControlLimits;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.shared.InvalidInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seed's quality reports ("Lot quality history", "Customer complaint analysis", "Quality trend analysis"):
 * QA analysts and QA managers (administrators always) may read them; anyone else 403.
 */
@Service
@Transactional(readOnly = true)
public class QualityReports {

    /** Who may read quality and regulatory reports. */
    static final String[] QUALITY = {Groups.QA_ANALYST, Groups.QA_MANAGER};
    /** Lots per quality history or trend by default, and at most. */
    static final int DEFAULT_LOTS = 500;
    static final int MAX_LOTS = 5000;

    private final LotReports lots;
    private final LabReports lab;
    private final HoldReports holds;
    private final ReportFilters filters;
    private final CurrentUser currentUser;

    public QualityReports(LotReports lots, LabReports lab, HoldReports holds, ReportFilters filters,
            CurrentUser currentUser) {
        this.lots = lots;
        this.lab = lab;
        this.holds = holds;
        this.filters = filters;
        this.currentUser = currentUser;
    }

    /** A specification line of the product: test, unit, limits (null: none). */
    public record Spec(String test, String unit, BigDecimal min, BigDecimal max) {
        public Spec {
            min = asDefined(min);
            max = asDefined(max);
        }
    }

    /**
     * A limit or value without the database column's padding ({@code 245.000000} is 245, as the specification and the
     * lab forms show it; new user 2026-12-06 F-o): the same number, only the trailing zeros of the column's scale gone.
     */
    static BigDecimal asDefined(BigDecimal v) {
        // as written: the decimals the lab and the specification wrote are the record's (new user 2026-12-06 M3);
        // the values reach here through Decimals.asWritten (LabReports, SpecLimit), without the column's padding
        return org.lotflow.shared.input.Decimals.plain(v);
    }

    /**
     * One lab value: the lot (number, manufacture date, status now), round (1 the original analysis), test,
     * unit, value (null: not measured), the limits in force when it was recorded, passed, by whom and when, and
     * {@code invalidated}: its round was invalidated as an assignable laboratory error, so it is no result on the lot
     * (new user 2026-12-06 U13: counted as an ordinary failing value); {@code text}: the observation reported for a
     * test without limits ({@code value} then null), else null.
     */
    public record Value(String lotNumber, LocalDate manufactureDate, String status, int round, String test,
            String unit, BigDecimal value, BigDecimal min, BigDecimal max, boolean passed, String recordedBy,
            Instant recordedAt, boolean invalidated, String text) {
        public Value {
            value = asDefined(value);
            min = asDefined(min);
            max = asDefined(max);
        }

        /**
         * The value's verdict in a word: PASS or FAIL against its limits, REPORTED for a test without limits (judged
         * against nothing; {@code passed} then only says it fails nothing: auditor 2026-12-06 F4, re-test N3).
         */
        @com.fasterxml.jackson.annotation.JsonProperty("result")
        public String result() {
            return org.lotflow.release.LabVerdict.TestVerdict.resultOf(min, max, passed);
        }
    }

    /**
     * Lot quality history of a product: every lab value of its lots made in {@code [from, to]} (at most
     * {@code lots} lots, the first made; {@code truncated} when there were more), in order of manufacture (lots made
     * the same day in the order they were entered), with the product's current specification.
     */
    public record History(String sku, String productName, LocalDate from, LocalDate to, int lots, boolean truncated,
            List<Spec> specs, List<Value> values) implements ReportTable {

        @Override
        public List<String> csvHeader() {
            return List.of("lotNumber", "manufactureDate", "status", "round", "test", "unit", "value", "min", "max",
                    "passed", "result", "recordedBy", "recordedAt", "invalidated", "text");
        }

        @Override
        public List<List<Object>> csvRows() {
            return values.stream().map(v -> Arrays.<Object>asList(v.lotNumber(), v.manufactureDate(), v.status(),
                    v.round(), v.test(), v.unit(), v.value(), v.min(), v.max(), v.passed(), v.result(), v.recordedBy(),
                    v.recordedAt(), v.invalidated(), v.text())).toList();
        }
    }

    private record Lots(Product product, ReportFilters.Range range, List<LotReports.LotRow> rows, boolean truncated,
            List<LabReports.LabValue> values) {
    }

    private Lots read(String sku, String from, String to, Integer size) {
        currentUser.require(QUALITY);
        if (sku == null || sku.isBlank()) {
            throw new InvalidInput("sku", "is required");
        }
        Product product = filters.product(sku);
        ReportFilters.Range range = filters.range(from, to, 365);
        int limit = size == null ? DEFAULT_LOTS : size;
        if (limit < 1 || limit > MAX_LOTS) {
            throw new InvalidInput("size", "must be between 1 and " + MAX_LOTS + ", was " + limit);
        }
        // the lots made in the period, in order of manufacture, as the chart and the history say (a control chart's
        // run rules read the sequence; new user 2026-12-06 F7, re-test F4: by entry, a lot made long before stood in
        // the window it was entered in)
        List<LotReports.LotRow> rows = new ArrayList<>(lots.madeOfProduct(product.getId(), range.from(), range.to(),
                limit + 1));
        boolean truncated = rows.size() > limit;
        if (truncated) {
            rows.remove(rows.size() - 1);
        }
        return new Lots(product, range, rows, truncated,
                lab.ofLots(rows.stream().map(LotReports.LotRow::id).toList()));
    }

    /** {@code GET /api/reports/quality-history}. */
    public History history(String sku, String from, String to, Integer size) {
        Lots l = read(sku, from, to, size);
        Map<Long, List<LabReports.LabValue>> byLot = l.values().stream()
                .collect(Collectors.groupingBy(LabReports.LabValue::lotId));
        List<Value> values = new ArrayList<>();
        for (LotReports.LotRow lot : l.rows()) {
            byLot.getOrDefault(lot.id(), List.of()).forEach(v -> values.add(new Value(
                    lot.lotNumber(), lot.manufactureDate(), lot.status().name(), v.round(), v.test(),
                    v.unit(), v.value(), v.min(), v.max(), v.passed(), v.recordedBy(), v.recordedAt(),
                    v.invalidated(), v.text())));
        }
        return new History(l.product().getSku(), l.product().getName(), l.range().from(), l.range().to(),
                l.rows().size(), l.truncated(), specs(l.product()), values);
    }

    private static List<Spec> specs(Product product) {
        return product.getSpecs().stream().map(s -> new Spec(s.getTest(), s.getUnit(), s.getMin(), s.getMax())).toList();
    }

    /** One point of a test's trend: a lot's value of its last round (the one its release rests on). */
    public record Point(String lotNumber, LocalDate manufactureDate, BigDecimal value, boolean passed) {
    }

    /** A month of a test's trend (by manufacture month): count, mean (six places), lowest, highest, failures. */
    public record Month(String month, int n, BigDecimal mean, BigDecimal min, BigDecimal max, int outOfSpecification) {
        public Month {
            min = asDefined(min);
            max = asDefined(max);
        }
    }

    /**
     * One test's trend across the lots: its specification limits (now), the statistics and control limits
     * ({@link ControlLimits}), how many values were out of specification, per manufacture month, and the
     * points in lot order (the control chart's data).
     */
    public record TestTrend(String test, String unit, BigDecimal specMin, BigDecimal specMax, ControlLimits statistics,
            int outOfSpecification, List<Month> months, List<Point> points) {
        public TestTrend {
            specMin = asDefined(specMin);
            specMax = asDefined(specMax);
        }
    }

    /** Quality trend of a product's tests over its lots made in {@code [from, to]}. */
    public record Trend(String sku, String productName, LocalDate from, LocalDate to, int lots, boolean truncated,
            List<TestTrend> tests) implements ReportTable {

        @Override
        public List<String> csvHeader() {
            return List.of("test", "unit", "specMin", "specMax", "month", "n", "mean", "min", "max",
                    "outOfSpecification");
        }

        @Override
        public List<List<Object>> csvRows() {
            List<List<Object>> rows = new ArrayList<>();
            for (TestTrend t : tests) {
                for (Month m : t.months()) {
                    rows.add(Arrays.asList(t.test(), t.unit(), t.specMin(), t.specMax(), m.month(), m.n(), m.mean(),
                            m.min(), m.max(), m.outOfSpecification()));
                }
            }
            return rows;
        }
    }

    /** {@code GET /api/reports/quality-trend}. */
    public Trend trend(String sku, String from, String to, Integer size) {
        Lots l = read(sku, from, to, size);
        // each lot's last round per test: the value its release rests on
        Map<Long, Map<String, LabReports.LabValue>> last = new LinkedHashMap<>();
        for (LabReports.LabValue v : l.values()) {
            last.computeIfAbsent(v.lotId(), k -> new TreeMap<>()).merge(v.test(), v,
                    (a, b) -> b.round() > a.round() ? b : a);
        }
        Map<String, List<Point>> points = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        specs(l.product()).forEach(s -> points.put(s.test(), new ArrayList<>()));
        for (LotReports.LotRow lot : l.rows()) {
            for (LabReports.LabValue v : last.getOrDefault(lot.id(), Map.of()).values()) {
                units.putIfAbsent(v.test(), v.unit());
                if (v.value() != null) {
                    points.computeIfAbsent(v.test(), k -> new ArrayList<>()).add(new Point(lot.lotNumber(),
                            lot.manufactureDate(), v.value(), v.passed()));
                }
            }
        }
        Map<String, Spec> specs = specs(l.product()).stream().collect(Collectors.toMap(Spec::test, Function.identity()));
        List<TestTrend> tests = new ArrayList<>();
        for (Map.Entry<String, List<Point>> t : points.entrySet()) {
            Spec spec = specs.get(t.getKey());
            Map<String, List<Point>> byMonth = new TreeMap<>();
            t.getValue().forEach(p -> byMonth.computeIfAbsent(YearMonth.from(p.manufactureDate()).toString(),
                    k -> new ArrayList<>()).add(p));
            List<Month> months = byMonth.entrySet().stream().map(m -> {
                ControlLimits s = ControlLimits.of(m.getValue().stream().map(Point::value).toList());
                return new Month(m.getKey(), s.n(), s.mean(), s.min(), s.max(),
                        (int) m.getValue().stream().filter(p -> !p.passed()).count());
            }).toList();
            tests.add(new TestTrend(t.getKey(), spec != null ? spec.unit() : units.get(t.getKey()),
                    spec == null ? null : spec.min(), spec == null ? null : spec.max(),
                    ControlLimits.of(t.getValue().stream().map(Point::value).toList()),
                    (int) t.getValue().stream().filter(p -> !p.passed()).count(), months, t.getValue()));
        }
        return new Trend(l.product().getSku(), l.product().getName(), l.range().from(), l.range().to(),
                l.rows().size(), l.truncated(), tests);
    }

    /**
     * One hold of the complaint analysis. Its signed outcome with the signature as the lot's hash-chained history
     * recorded it (auditor sig28 M2; 21 CFR 11.50): {@code decidedAt} the signature's time, {@code decidedBy} the
     * signer's id, {@code decidedByName} the printed name signed with (never the current name) and {@code meaning};
     * null while open.
     */
    public record Complaint(String lotNumber, String sku, String source, String reference, String reason,
            String outcome, String rootCause, Instant placedAt, Instant decidedAt, String decidedBy,
            String decidedByName, String meaning) {
    }

    /** Holds of one group (a source, product, customer or outcome) by outcome. */
    public record Group(String key, int holds, int open, int released, int rejected, int recalled) {
    }

    /**
     * Customer complaint analysis (seed: "Customer complaint analysis"): the holds placed in {@code [from, to]}
     * (optionally of one product and one source), counted by source, product, customer (the reference given
     * with the hold: for a complaint the customer or its complaint number; "(none)" without one) and outcome
     * ({@code OPEN} until the signed disposition, then {@code RELEASE}, {@code REJECT} or {@code RECALL}).
     */
    public record ComplaintAnalysis(LocalDate from, LocalDate to, String sku, String source, int holds,
            List<Group> bySource, List<Group> byProduct, List<Group> byCustomer, List<Group> byOutcome,
            List<Complaint> complaints) implements ReportTable {

        @Override
        public List<String> csvHeader() {
            return List.of("lotNumber", "sku", "source", "reference", "reason", "outcome", "rootCause", "placedAt",
                    "decidedAt", "decidedBy", "decidedByName", "meaning");
        }

        @Override
        public List<List<Object>> csvRows() {
            return complaints.stream().map(c -> Arrays.<Object>asList(c.lotNumber(), c.sku(), c.source(),
                    c.reference(), c.reason(), c.outcome(), c.rootCause(), c.placedAt(), c.decidedAt(), c.decidedBy(),
                    c.decidedByName(), c.meaning())).toList();
        }
    }

    static final List<String> SOURCES = List.of("COMPLAINT", "TEST_FAILURE", "UNIDENTIFIED_STOCK", "REGULATOR", "OTHER");

    /** {@code GET /api/reports/complaints}. */
    public ComplaintAnalysis complaints(String sku, String source, String from, String to) {
        currentUser.require(QUALITY);
        Product product = filters.product(sku);
        if (source != null && !SOURCES.contains(source)) {
            throw new InvalidInput("source", "must be one of " + SOURCES + ", was '" + source + "'");
        }
        ReportFilters.Range range = filters.range(from, to, 365);
        List<HoldReports.HoldRow> rows = holds.placed(filters.startOf(range.from()),
                filters.startOf(range.to().plusDays(1)));
        Map<Long, LotReports.LotRow> lot = lots.lots(rows.stream().map(HoldReports.HoldRow::lotId).distinct().toList())
                .stream().collect(Collectors.toMap(LotReports.LotRow::id, Function.identity()));
        Map<Long, Product> products = filters.productsById();
        List<Complaint> complaints = new ArrayList<>();
        Map<Long, org.lotflow.history.RecordedSignature> signed = holds.signatures(rows);
        for (HoldReports.HoldRow h : rows) {
            LotReports.LotRow l = lot.get(h.lotId());
            if ((product != null && !product.getId().equals(l.productId()))
                    || (source != null && !source.equals(h.source()))) {
                continue;
            }
            org.lotflow.history.RecordedSignature s = signed.get(h.id());
            complaints.add(new Complaint(l.lotNumber(), products.get(l.productId()).getSku(), h.source(),
                    h.reference(), h.reason(), h.decision() == null ? "OPEN" : s != null && s.detailText("decision") != null
                            ? s.detailText("decision") : h.decision(), h.rootCause(),
                    h.placedAt(), s == null ? h.decidedAt() : s.at(), s == null ? null : s.userId(),
                    s == null ? null : s.fullName(), s == null ? null : s.meaning()));
        }
        return new ComplaintAnalysis(range.from(), range.to(), product == null ? null : product.getSku(), source,
                complaints.size(), groups(complaints, Complaint::source), groups(complaints, Complaint::sku),
                groups(complaints, c -> c.reference() == null || c.reference().isBlank() ? "(none)" : c.reference()),
                groups(complaints, Complaint::outcome), complaints);
    }

    private static List<Group> groups(List<Complaint> complaints, Function<Complaint, String> key) {
        Map<String, int[]> counts = new TreeMap<>();
        for (Complaint c : complaints) {
            int[] n = counts.computeIfAbsent(key.apply(c), k -> new int[5]);
            n[0]++;
            switch (c.outcome()) {
                case "RELEASE" -> n[2]++;
                case "REJECT" -> n[3]++;
                case "RECALL" -> n[4]++;
                default -> n[1]++;
            }
        }
        return counts.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue()[0], e.getValue()[1],
                e.getValue()[2], e.getValue()[3], e.getValue()[4]))
                .sorted(Comparator.comparingInt(Group::holds).reversed().thenComparing(Group::key)).toList();
    }
}
