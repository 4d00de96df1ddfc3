package org.lotflow.reports.internal.web;

import org.lotflow.reports.internal.DailyReview;
import org.lotflow.reports.internal.InventoryReports;
import org.lotflow.reports.internal.PagedReport;
import org.lotflow.reports.internal.QualityReports;
import org.lotflow.reports.internal.RecallImpact;
import org.lotflow.reports.internal.ReportQueries;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /api/reports}: the seed's reports (its "What reports should I generate" list; issue #13), read-only.
 * Every report answers JSON, or CSV with {@code Accept: text/csv} ({@link ReportCsvConverter}: the same fields,
 * one row per line of the report). Filters: {@code sku} (a product), {@code from}/{@code to} (ISO dates, both
 * included, in the plant's zone). Refusals are problem+json: 400 naming the field, 403 for a caller outside the
 * report's groups.
 */
@RestController
@RequestMapping(path = "/api/reports", produces = {MediaType.APPLICATION_JSON_VALUE, ReportCsvConverter.TEXT_CSV})
public class ReportController {

    private final ReportQueries reports;
    private final DailyReview daily;
    private final QualityReports quality;
    private final RecallImpact recalls;
    private final InventoryReports inventory;

    public ReportController(ReportQueries reports, DailyReview daily, QualityReports quality, RecallImpact recalls,
            InventoryReports inventory) {
        this.reports = reports;
        this.daily = daily;
        this.quality = quality;
        this.recalls = recalls;
        this.inventory = inventory;
    }

    /**
     * The seed's daily review of {@code date} (required; not after today), optionally of one product
     * ({@link DailyReview.Review}): {@code {date, lotsCreated, labPassRate, releaseHoursAverage,
     * releaseHoursWorst, investigationsCompleted, releaseDecisions, ordersAllocated, fefoCompliance, shelfLifeMet,
     * activeLots, totalInventory, availableInventory, quarantinedLots, coaRequests, ..., expiredLots,
     * expiredInventory, inventory: [per product]}}, computed from the history so a past day's review gives the same
     * figures again; expired stock still on hand is counted apart from the active inventory. Rates in percent with one decimal, hours
     * with two, quantities in {@code unit}. Any business group may read it.
     */
    @GetMapping("/daily")
    public DailyReview.Review daily(@RequestParam(required = false) String date,
            @RequestParam(required = false) String sku) {
        return daily.of(date, sku);
    }

    /**
     * Lot quality history of a product ({@code sku} required): every lab value of its lots made in
     * {@code [from, to]} (default the last 365 days), oldest lot first, at most {@code size} lots (default 500,
     * 1-5000; {@code truncated} when there were more), each value with the limits it was judged by, and the
     * product's specification. QA analysts and managers.
     */
    @GetMapping("/quality-history")
    public QualityReports.History qualityHistory(@RequestParam(required = false) String sku,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer size) {
        return quality.history(sku, from, to, size);
    }

    /**
     * Quality trend per test of a product ({@code sku} required) over the same lots as the quality history:
     * statistics and control limits (mean &plusmn; 3 standard deviations, six decimals), values out of
     * specification, per manufacture month, and the points of the control chart. QA analysts and managers.
     */
    @GetMapping("/quality-trend")
    public QualityReports.Trend qualityTrend(@RequestParam(required = false) String sku,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer size) {
        return quality.trend(sku, from, to, size);
    }

    /**
     * Customer complaint analysis: holds placed in {@code [from, to]} (default the last 365 days), optionally of
     * one product and one {@code source}, counted by source, product, customer (the hold's reference) and
     * outcome, and listed. QA analysts and managers.
     */
    @GetMapping("/complaints")
    public QualityReports.ComplaintAnalysis complaints(@RequestParam(required = false) String sku,
            @RequestParam(required = false) String source, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return quality.complaints(sku, source, from, to);
    }

    /**
     * Recall impact analysis: per recall opened in {@code [from, to]} (default the last 365 days) or the one
     * numbered {@code recall} (404 when unknown), optionally of one product's named lots: scope, and per
     * customer quantities shipped, returned to the plant, destroyed at the customer (21 CFR 7.59), outstanding
     * (still at the customer) and accounted for beyond what was shipped (its figures contradict each other), and
     * whether notified ({@link RecallImpact}). QA and recall coordinators.
     */
    @GetMapping("/recall-impact")
    public RecallImpact.Report recallImpact(@RequestParam(required = false) String recall,
            @RequestParam(required = false) String sku, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return recalls.report(recall, sku, from, to);
    }

    /**
     * Inventory aging today: per product, stock on hand by age (days since manufacture) and by remaining
     * shelf life, lots and quantities in the product's unit. Production, QA and sales.
     */
    @GetMapping("/inventory-aging")
    public InventoryReports.Aging inventoryAging(@RequestParam(required = false) String sku) {
        return inventory.aging(sku);
    }

    /**
     * Rotation efficiency over {@code [from, to]} (default the last 365 days): per product, monthly throughput
     * and turnover in months of the stock on hand (one decimal). Production, QA and sales.
     */
    @GetMapping("/rotation")
    public InventoryReports.Rotation rotation(@RequestParam(required = false) String sku,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return inventory.rotation(sku, from, to);
    }

    /**
     * Cost impact of expired and rejected inventory, in quantities (products carry no unit cost): per product
     * and status, lots, stock still on hand and stock disposed of; optionally only lots expiring in
     * {@code [from, to]}. Production, QA and sales.
     */
    @GetMapping("/cost-impact")
    public InventoryReports.CostImpact costImpact(@RequestParam(required = false) String sku,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return inventory.costImpact(sku, from, to);
    }

    /**
     * The FIFO management report of a SKU ({@link ReportQueries.FefoReport}), one page at a time: the lots with
     * stock on hand ({@code onHand > 0}; a lot disposed of has none) in allocation order, numbered from the
     * report's start, each with quantities in the product's {@code unit} from
     * {@link org.lotflow.lot.LotQuantities}; the next lot to allocate and the quantity FEFO may allocate today
     * over all the SKU's lots. {@code size} lines per page (default 500, 1-5000); {@code cursor} from the previous
     * page's {@code nextCursor} or its {@code Link: <...>; rel="next"} header (the CSV's only way to page). 400
     * naming {@code sku} when it is missing or unknown, {@code size} or {@code cursor}.
     */
    @GetMapping("/fefo")
    public ResponseEntity<ReportQueries.FefoReport> fefo(@RequestParam(required = false) String sku,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String cursor) {
        return paged(reports.fefo(sku, size, cursor));
    }

    /**
     * Lots with stock on hand expiring within {@code days} days (default {@code lotflow.expiry.alert-days}), the
     * expired ones still on hand included, in FEFO order, one page at a time as {@code /fefo} ({@code size},
     * {@code cursor}, {@code Link}); each an {@link org.lotflow.expiry.ExpiringLot} with quantities from
     * {@link org.lotflow.lot.LotQuantities}. 400 naming {@code days} outside 0-3650, {@code sku} for an unknown
     * product (optional filter), {@code size} or {@code cursor}.
     */
    @GetMapping("/expiring")
    public ResponseEntity<ReportQueries.ExpiringReport> expiring(@RequestParam(required = false) Integer days,
            @RequestParam(required = false) String sku, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String cursor) {
        return paged(reports.expiring(days, sku, size, cursor));
    }

    /** The report with an RFC 8288 {@code Link} header to its next page, when there is one. */
    private static <T extends PagedReport> ResponseEntity<T> paged(T report) {
        if (report.nextCursor() == null) {
            return ResponseEntity.ok(report);
        }
        String next = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("cursor", report.nextCursor()).build().toUriString();
        return ResponseEntity.ok().header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"").body(report);
    }

    /**
     * FEFO compliance of a SKU ({@code sku} required): the share of its allocations that followed FEFO (count and
     * quantity, percent with one decimal), and every override request with its reason, decision and approver. Of
     * all time, or of the period {@code [from, to]} (ISO dates, both included, plant zone) when either is given.
     * 400 naming {@code sku}, {@code from} or {@code to}.
     */
    @GetMapping("/fefo-compliance")
    public ReportQueries.ComplianceReport compliance(@RequestParam(required = false) String sku,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return reports.compliance(sku, from, to);
    }
}
