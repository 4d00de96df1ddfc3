package org.lotflow.reports.internal.web;

import org.lotflow.reports.internal.ReportQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/reports}: the read-only reports of the contract, each handed to {@link ReportQueries}. */
@RestController
@RequestMapping("/api/reports")
public class ReportController {

    private final ReportQueries reports;

    public ReportController(ReportQueries reports) {
        this.reports = reports;
    }

    /** The FIFO management report of a SKU: lots in allocation order and the next lot to allocate. */
    @GetMapping("/fefo")
    public ReportQueries.FefoReport fefo(@RequestParam(required = false) String sku) {
        return reports.fefo(sku);
    }

    /** Lots expiring within {@code days} days (default {@code lotflow.expiry.alert-days}). */
    @GetMapping("/expiring")
    public ReportQueries.ExpiringReport expiring(@RequestParam(required = false) Integer days) {
        return reports.expiring(days);
    }

    /** FEFO compliance of a SKU: share of allocations that followed FEFO, overrides with reason and approver. */
    @GetMapping("/fefo-compliance")
    public ReportQueries.ComplianceReport compliance(@RequestParam(required = false) String sku) {
        return reports.compliance(sku);
    }
}
