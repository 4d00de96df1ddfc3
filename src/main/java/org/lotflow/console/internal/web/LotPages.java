package org.lotflow.console.internal.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.lotflow.console.internal.GenealogyPicture;
import org.lotflow.console.internal.LotMarks;
import org.lotflow.console.internal.process.OpenTasks;
import org.lotflow.history.LotHistory;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotInventory;
import org.lotflow.lot.LotService;
import org.lotflow.lot.LotStatus;
import org.lotflow.lot.LotViewContributor;
import org.lotflow.quarantine.Holds;
import org.lotflow.recall.Classification;
import org.lotflow.shared.NotPermitted;
import org.lotflow.shared.Refusal;
import org.lotflow.trace.Direction;
import org.lotflow.trace.Trace;
import org.lotflow.trace.TraceService;
import org.lotflow.security.AllowedGroups;
import org.lotflow.security.Groups;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /console/lots/{lotNumber}}: a lot's page (everything of
 * {@code GET /api/lots/{lotNumber}}, its audit trail, lab results, open tasks, holds, recalls, orders,
 * shipments and the genealogy picture); its hold form (QA; the recall form: {@link LotRecallPages}, the lab results'
 * {@link LabResultsPages}; the lot list: {@link LotListPages}). Every action goes through the API's own service; a refusal is shown on the form,
 * field by field, with the API's status.
 */
@Controller
class LotPages {

    private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() {
    };

    private final LotInventory inventory;
    private final LotService lots;
    private final LotHistory history;
    private final List<LotViewContributor> contributors;
    private final TraceService trace;
    private final Holds holds;
    private final org.lotflow.certificate.Certificates certificates;
    private final OpenTasks openTasks;
    private final ObjectMapper json;
    private final Clock clock;
    private final int alertDays;

    /** The first serials a serialised lot's page lists (the rest: {@code GET /api/lots/{n}/serials}, paged). */
    static final int SERIALS_SHOWN = 100;

    private final org.lotflow.serial.SerialLedger serials;
    private final org.lotflow.history.HistoryReports historyReports;

    LotPages(LotInventory inventory, LotService lots, LotHistory history, List<LotViewContributor> contributors,
            TraceService trace, Holds holds,
            org.lotflow.certificate.Certificates certificates, OpenTasks openTasks, ObjectMapper json, Clock clock,
            org.lotflow.serial.SerialLedger serials, org.lotflow.history.HistoryReports historyReports,
            @Value("${lotflow.expiry.alert-days:90}") int alertDays) {
        this.historyReports = historyReports;
        this.serials = serials;
        this.inventory = inventory;
        this.lots = lots;
        this.history = history;
        this.contributors = contributors;
        this.trace = trace;
        this.holds = holds;
        this.certificates = certificates;
        this.openTasks = openTasks;
        this.json = json;
        this.clock = clock;
        this.alertDays = alertDays;
    }

    @GetMapping("/console/lots/{lotNumber}")
    String lot(@PathVariable String lotNumber, Model model) {
        lotPage(lotNumber, model);
        return "console/lot";
    }

    /** The genealogy picture's data (ECharts Sankey), from the trace service both ways. */
    @GetMapping(value = "/console/lots/{lotNumber}/genealogy", produces = "application/json")
    @ResponseBody
    GenealogyPicture.Picture genealogy(@PathVariable String lotNumber) {
        return GenealogyPicture.of(trace.trace(lotNumber, Direction.UPSTREAM),
                trace.trace(lotNumber, Direction.DOWNSTREAM));
    }

    /**
     * The lot's current certificate of analysis as PDF, through the API's own hand-out (sales and QA only, 409 for
     * a lot without a valid one: shown as a page), optionally for a named customer; every hand-out is recorded in
     * the lot's history ({@code CERTIFICATE_PROVIDED}). A form post with the Console's CSRF token, never a GET: a
     * link on another site's page, or a navigation to it, must not write into a lot's history in the user's name
     * (audit findings, 2026-12-04 and 2026-12-05).
     */
    @PostMapping("/console/lots/{lotNumber}/coa")
    org.springframework.web.servlet.ModelAndView coaForCustomer(@PathVariable String lotNumber,
            @RequestParam(required = false) String customer, Model model, HttpServletResponse response)
            throws java.io.IOException {
        org.lotflow.certificate.Certificates.PdfDocument pdf;
        try {
            // read as the API reads it: empty is none, spaces are refused (re-test 2026-12-07 G5)
            pdf = certificates.currentPdf(lotNumber, customer == null || customer.isEmpty() ? null : customer);
        } catch (Refusal e) {
            // on the lot's page, at the form, with what was typed (new user 2026-12-07 F13: a page of its own that
            // spoke of Accept headers and led back to the lot list)
            model.addAttribute("coaCustomer", nz(customer));
            String view = refused(e instanceof org.lotflow.shared.NotPrintable
                    ? new org.lotflow.shared.InvalidInput("customer", "the certificate cannot be printed with this"
                            + " name: the PDF's font has no letters for some of its characters (" + e.getMessage()
                            .replaceFirst("(?s)^.*?PDF: ", "").replaceFirst("(?s)\\. Ask for it as.*$", "") + "). Write the"
                            + " name in Latin letters, or leave it empty for a certificate without it; nothing was"
                            + " recorded") : e, "coa", lotNumber, model, response);
            return new org.springframework.web.servlet.ModelAndView(view);
        }
        response.setContentType(org.springframework.http.MediaType.APPLICATION_PDF_VALUE);
        // downloaded, so the Console stays on the lot's page (new user 2026-12-07 L11; re-test L6: a new tab showed a
        // refusal on a second copy of the page, and reloading it posted again)
        response.setHeader("Content-Disposition", "attachment; filename=\"" + pdf.coaNumber() + ".pdf\"");
        response.setContentLength(pdf.content().length);
        response.getOutputStream().write(pdf.content());
        return null;
    }

    /** A QA hold, through the API's hold placement. */
    @AllowedGroups(value = {Groups.QA_ANALYST, Groups.QA_MANAGER}, work = "place a lot on hold")
    @PostMapping("/console/lots/{lotNumber}/holds")
    String hold(@PathVariable String lotNumber, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String source, @RequestParam(required = false) String reference,
            Model model, HttpServletResponse response) {
        try {
            if (blank(source) && !blank(reason)) { // the reason's refusal first, as the API gives it
                // chosen, never a default the analyst did not read (new user 2026-12-07 F4: a hold for a test failure
                // left on the list's first entry was recorded as a customer complaint)
                throw new org.lotflow.shared.InvalidInput("source", "choose what triggered the hold: it decides"
                        + " which reviews and reports count it (a customer complaint is counted as one)");
            }
            holds.hold(lotNumber, reason, source, reference);
            return "redirect:/console/lots/" + lotNumber + "?held";
        } catch (Refusal e) {
            model.addAttribute("holdForm", Map.of("reason", nz(reason), "source", nz(source),
                    "reference", nz(reference)));
            return refused(e, "hold", lotNumber, model, response);
        }
    }

    /** The lot's page again with a form's refusal at its field (or above the form), for this package's forms. */
    String refused(Refusal e, String form, String lotNumber, Model model, HttpServletResponse response) {
        // the field named by its label, as every other form names it ("Reason: ...", new user 2026-12-06 L3); the
        // hold's source by the hold form's label (new user round 25 N7)
        response.setStatus(FormErrors.refused(e, model, "hold".equals(form) ? Map.of("source", "What triggered it")
                : Map.of()));
        model.addAttribute("errorsOf", form);
        lotPage(lotNumber, model);
        return "console/lot";
    }

    /**
     * The other lots received under the same supplier lot of the same supplier (a delivery's lines of several
     * expiration dates, or several deliveries): "supplier lot X is contaminated" concerns them all, and the recall form
     * offers them (new user 2026-12-06 U1). Empty for a lot made here.
     */
    List<Lot> supplierLotSiblings(Lot lot) {
        if (lot.getSupplierLotNumber() == null || lot.getSupplier() == null) {
            return List.of();
        }
        return inventory.page(null, null, null, lot.getSupplierLotNumber(), 500, null).items().stream()
                .filter(l -> !l.getLotNumber().equals(lot.getLotNumber()) && lot.getSupplier().equalsIgnoreCase(
                        l.getSupplier() == null ? "" : l.getSupplier())).toList();
    }

    /**
     * Why the lot's latest certificate is WITHDRAWN, as the certificate module's line of the lot view says it
     * ({@code withdrawnBecause}), or null when none is.
     */
    static String withdrawnBecause(Object certificates) {
        if (certificates instanceof List<?> lines) {
            for (Object line : lines) {
                if (line instanceof Map<?, ?> l
                        && org.lotflow.certificate.CertificateView.WITHDRAWN.equals(l.get("status"))) {
                    Object why = l.get("withdrawnBecause");
                    return why == null ? "it no longer vouches for the lot" : why.toString();
                }
            }
        }
        return null;
    }

    /** The lot's page: the lot, its figures, history, tasks, holds, recalls, orders and shipments, into {@code model}. */
    void lotPage(String lotNumber, Model model) {
        Lot lot = lots.get(lotNumber);
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> extra = new LinkedHashMap<>();
        for (LotViewContributor c : contributors) {
            Map<String, Object> more = c.contribute(lot);
            if (more != null) {
                extra.putAll(more);
            }
        }
        model.addAttribute("lot", lot);
        model.addAttribute("supplierLotSiblings", supplierLotSiblings(lot));
        model.addAttribute("q", lot.quantities());
        // goods received back from customers under a recall: on hand again, so "shipped" is the rest (re-test M2)
        model.addAttribute("receivedBack", historyReports.returnsReceived(List.of(lot.getId())).stream()
                .map(org.lotflow.history.HistoryReports.ReturnReceived::quantity)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
        model.addAttribute("expired", lot.isExpiredOn(today));
        model.addAttribute("retainUntil", org.lotflow.lot.RetentionRule.retainUntil(lot));
        model.addAttribute("marks", LotMarks.of(List.of(new LotMarks.Row(lot.getProduct().getSku(),
                lot.getStatus().name(), lot.getExpirationDate(), lot.getAvailable(), lot.isReleasedOnConcession())),
                today, alertDays, false).get(0));
        model.addAttribute("extra", json.convertValue(extra, TREE));
        List<org.lotflow.history.LotHistory.Entry> events = history.of(lot.getId());
        model.addAttribute("history", events);
        model.addAttribute("namesAsRecorded", namesAsRecorded(events));
        // the lot's own tasks, then those of its open recalls (their processes are keyed by the recall's number): a
        // recalled lot's page said "No open task" while its customers' notifications waited (new user 2026-12-06 U16)
        List<OpenTasks.OpenTask> tasks = new ArrayList<>(openTasks.of(lot.getLotNumber()));
        if (extra.get("recalls") instanceof List<?> recalls) {
            for (Object r : recalls) {
                if (r instanceof Map<?, ?> recall && !"CLOSED".equals(recall.get("status"))) {
                    tasks.addAll(openTasks.of(String.valueOf(recall.get("recallNumber"))));
                }
            }
        }
        model.addAttribute("tasks", tasks);
        // stock returned to its supplier left the plant as a shipment does: said where shipments are, as the FSMA 204
        // and EPCIS records say it (new user 2026-12-06 N9: the page said "nothing shipped")
        model.addAttribute("returns", historyReports.disposals(List.of(lot.getId())).stream()
                .filter(d -> "RETURNED_TO_SUPPLIER".equals(d.method())).toList());
        if (lot.getProduct().isSerialised()) {
            // issue #16: the serials of the lot's units, counted per status, the first ones listed
            try {
                model.addAttribute("serials", serials.ofLot(lot.getLotNumber(), null, SERIALS_SHOWN, null));
            } catch (NotPermitted e) {
                // serials are the business groups' (as the trace below)
            }
        }
        // the page offers only what the lot's status still allows (new user's U6: a held lot still offered a hold and
        // a certificate the services refuse): a hold of a RELEASED lot (or a PENDING one outside its lab release), a
        // recall of any lot but a PENDING or an already RECALLED one, its certificate while it vouches for the lot
        LotStatus status = lot.getStatus();
        boolean holdable = holds.holdable(lot);
        model.addAttribute("holdable", holdable);
        // a PENDING lot under lab release: said where the hold would be, so a damaged delivery's analyst knows the way
        model.addAttribute("inLabRelease", !holdable && status == LotStatus.PENDING);
        model.addAttribute("recallable", status != LotStatus.PENDING && status != LotStatus.RECALLED);
        // withdrawn as the certificate module decides it from the lot's record (its list's WITHDRAWN line), not from
        // the status alone: an archived rejected lot, a held lot set EXPIRED, offered a certificate (audit 26 F2, F3)
        String withdrawnBecause = withdrawnBecause(extra.get("certificates"));
        model.addAttribute("certificateWithdrawn", withdrawnBecause != null);
        model.addAttribute("certificateWithdrawnBecause", withdrawnBecause);
        model.addAttribute("holdSources", Holds.SOURCES);
        model.addAttribute("holdSourceWords", Holds.TRIGGER_WORDS);
        model.addAttribute("classifications", Classification.values());
        if (!model.containsAttribute("holdForm")) {
            // no trigger chosen for the analyst: the form asks (new user 2026-12-06 M9, 2026-12-07 F4: a hold placed
            // without a choice was recorded as a customer complaint)
            model.addAttribute("holdForm", Map.of("reason", "", "source", "", "reference", ""));
        }
        if (!model.containsAttribute("labForm")) {
            // one "test = " line per test of the specification, as Tasklist's Record lab results form starts
            model.addAttribute("labForm", lot.getProduct().getSpecs().stream().map(s -> s.getTest() + " = ")
                    .collect(java.util.stream.Collectors.joining("\n")));
        }
        // an EXPIRED lot's stock on hand is disposed of here, in part or whole (audit 26 F4); a received lot may go
        // back to its supplier
        model.addAttribute("expiredDisposable", status == LotStatus.EXPIRED && lot.getOnHand().signum() > 0);
        model.addAttribute("disposalMethods", lot.isReceived() ? org.lotflow.lot.LotDisposal.Method.values()
                : new org.lotflow.lot.LotDisposal.Method[] {org.lotflow.lot.LotDisposal.Method.DESTROYED});
        if (!model.containsAttribute("disposalForm")) {
            model.addAttribute("disposalForm", Map.of("quantity", "", "disposalMethod", "", "disposalReference", ""));
        }
        if (!model.containsAttribute("recallForm")) {
            model.addAttribute("recallForm", Map.of("reason", "", "classification", ""));
        }
        try {
            Trace up = trace.trace(lot.getLotNumber(), Direction.UPSTREAM);
            Trace down = trace.trace(lot.getLotNumber(), Direction.DOWNSTREAM);
            model.addAttribute("sources", up.lots().stream().flatMap(l -> l.quantityPath().stream()
                    .filter(k -> k.to().equals(lot.getLotNumber())).map(k -> Map.of("lotNumber", k.from(),
                            "quantity", k.quantity(), "unit", l.unit()))).toList());
            // and the lots made from it, each with what it consumed of this lot (in this lot's unit) and its status: the
            // picture in words, for an investigation report (new user 2026-12-06 F19)
            String unit = lot.getProduct().getUnit();
            model.addAttribute("usedIn", down.lots().stream().flatMap(l -> l.quantityPath().stream()
                    .filter(k -> k.from().equals(lot.getLotNumber()) && k.to().equals(l.lotNumber()))
                    .map(k -> Map.of("lotNumber", l.lotNumber(), "sku", l.sku(), "status", l.status(),
                            "quantity", k.quantity(), "unit", unit))).toList());
            model.addAttribute("shipments", down.customers().stream()
                    .filter(s -> s.lotNumber().equals(lot.getLotNumber())).toList());
            model.addAttribute("downstreamCustomers", down.customers().size());
            model.addAttribute("traceVisible", true);
        } catch (NotPermitted e) {
            model.addAttribute("traceVisible", false);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /**
     * For each event of the history, the people named so far as the history recorded them ({@code Full Name (id)} by
     * user id): an event's user with its recorded name, a signer with the printed name of the signature. A detail that
     * names a person (a status change's {@code signedBy}) prints the name recorded at or before its event, never the
     * signer's current name (auditor sig28 H1: "signed by Jennifer Marsh" in the history of a lot Jennifer Lee signed).
     */
    static List<Map<String, String>> namesAsRecorded(List<org.lotflow.history.LotHistory.Entry> events) {
        List<Map<String, String>> names = new ArrayList<>(events.size());
        Map<String, String> known = new java.util.HashMap<>();
        for (org.lotflow.history.LotHistory.Entry e : events) {
            if (e.user() != null && e.userName() != null) {
                known.put(e.user(), e.userName().equals(e.user()) ? e.user() : e.userName() + " (" + e.user() + ")");
            }
            org.lotflow.history.RecordedSignature signature = org.lotflow.history.RecordedSignature.of(e, null);
            if (signature != null) {
                known.put(signature.userId(), signature.nameWithId());
            }
            names.add(Map.copyOf(known));
        }
        return names;
    }
}
