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

    /**
     * The FIFO management report of a SKU ({@link ReportQueries.FefoReport}): the lots with stock on hand
     * ({@code onHand > 0}; a lot disposed of has none) in allocation order, each with quantities in the
     * product's {@code unit} from {@link org.lotflow.lot.LotQuantities}, and the next lot to allocate. 400
     * naming {@code sku} when it is missing or unknown.
     */
    @GetMapping("/fefo")
    public ReportQueries.FefoReport fefo(@RequestParam(required = false) String sku) {
        return reports.fefo(sku);
    }

    /**
     * Lots with stock on hand expiring within {@code days} days (default {@code lotflow.expiry.alert-days}),
     * each an {@link org.lotflow.expiry.ExpiringLot} with quantities from {@link org.lotflow.lot.LotQuantities}.
     * 400 naming {@code days} outside 0-3650.
     */
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
