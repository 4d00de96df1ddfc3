package org.lotflow.drill.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lotflow.drill.MockRecallReport;
import org.lotflow.shared.PdfDocuments;
import org.lotflow.shared.process.TaskForm;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * A drill's report as PDF (A4 landscape), as the certificate module renders its certificates: the XHTML
 * template {@code drill/mock-recall.xhtml} filled by Thymeleaf (text escaped), laid out by openhtmltopdf on
 * Apache PDFBox with PDFBox's Liberation Sans embedded. Quantities print as stored (no exponent, trailing
 * zeros dropped, never rounded), times in the plant's zone ({@code lotflow.zone}).
 */
@Component
class DrillPdf {


    private final TemplateEngine templates;

    DrillPdf() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("drill/");
        resolver.setSuffix(".xhtml");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        this.templates = new TemplateEngine();
        this.templates.setTemplateResolver(resolver);
    }

    String xhtml(MockRecallReport r, java.util.function.UnaryOperator<String> person) {
        Context context = new Context(java.util.Locale.ENGLISH);
        context.setVariable("r", r);
        // people as the rest of lotflow prints them, "Rachel Nguyen (rachel)" (new user 2026-12-07 L6)
        context.setVariable("startedBy", person.apply(r.startedBy()));
        context.setVariable("reviewedBy", r.reviewedBy() == null ? null : person.apply(r.reviewedBy()));
        context.setVariable("statusClass", r.status().name().toLowerCase(java.util.Locale.ROOT));
        context.setVariable("startedAt", TaskForm.text(r.startedAt()));
        context.setVariable("dueAt", TaskForm.text(r.dueAt()));
        context.setVariable("finishedAt", r.finishedAt() == null ? "in progress" : TaskForm.text(r.finishedAt())
                + (r.finishedBy() == null ? "" : " by " + person.apply(r.finishedBy())));
        context.setVariable("elapsed", r.elapsedMinutes() == null ? "-" : r.elapsedMinutes() + " of "
                + r.targetMinutes() + " minutes");
        context.setVariable("traceComplete", r.traceComplete() == null ? "not reviewed yet"
                : r.traceComplete() ? "yes" : "no");
        List<Map<String, String>> lots = new ArrayList<>();
        for (MockRecallReport.Lot l : r.lots()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("lotNumber", l.lotNumber());
            row.put("role", l.roleInWords());
            row.put("product", l.productName() + " (" + l.sku() + ")");
            row.put("status", l.status());
            row.put("unit", l.unit());
            row.put("quantity", text(l.quantity()));
            row.put("available", text(l.available()));
            row.put("allocated", text(l.allocated()));
            row.put("onHand", text(l.onHand()));
            row.put("shipped", text(l.shipped()));
            row.put("receivedBack", l.receivedBack() == null ? "-" : text(l.receivedBack()));
            row.put("consumed", text(l.consumed()));
            row.put("disposed", text(l.disposed()));
            row.put("difference", text(l.difference()));
            row.put("percent", l.reconciliationPercent().toPlainString());
            lots.add(row);
        }
        context.setVariable("lots", lots);
        List<Map<String, String>> suppliers = new ArrayList<>();
        for (MockRecallReport.Supplier s : r.suppliers()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("supplier", s.supplier());
            row.put("supplierLotNumber", s.supplierLotNumber());
            row.put("lotNumber", s.lotNumber());
            row.put("deliveryReference", s.deliveryReference());
            row.put("receiptDate", s.receiptDate() == null ? "-" : s.receiptDate().toString());
            row.put("quantity", text(s.quantity()) + " " + s.unit());
            suppliers.add(row);
        }
        context.setVariable("suppliers", suppliers);
        List<Map<String, String>> shipments = new ArrayList<>();
        for (MockRecallReport.Customer c : r.customers()) {
            for (MockRecallReport.Shipment s : c.shipments()) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("customer", c.customer());
                row.put("lotNumber", s.lotNumber());
                row.put("orderNumber", s.orderNumber());
                row.put("shippedAt", String.valueOf(s.shippedAt()));
                row.put("carrier", s.carrier() == null ? "" : s.carrier());
                row.put("quantity", text(s.quantity()) + " " + s.unit());
                shipments.add(row);
            }
        }
        context.setVariable("shipments", shipments);
        // per customer and lot: shipped, received back, destroyed at and still at the customer (what adds up with the
        // lot's on hand)
        List<Map<String, String>> holdings = new ArrayList<>();
        List<Map<String, String>> returns = new ArrayList<>();
        List<Map<String, String>> destroyed = new ArrayList<>();
        for (MockRecallReport.Customer c : r.customers()) {
            for (MockRecallReport.CustomerLot l : c.lots()) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("customer", c.customer());
                row.put("lotNumber", l.lotNumber());
                row.put("unit", l.unit());
                row.put("shipped", text(l.quantity()));
                row.put("receivedBack", l.receivedBack() == null ? "-" : text(l.receivedBack()));
                row.put("destroyedAtCustomer", l.destroyedAtCustomer() == null ? "-" : text(l.destroyedAtCustomer()));
                row.put("stillAtCustomer", l.stillAtCustomer() == null ? "-" : text(l.stillAtCustomer()));
                holdings.add(row);
            }
            for (MockRecallReport.DestroyedAtCustomer d : c.destroyedAtCustomer()) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("customer", c.customer());
                row.put("recallNumber", d.recallNumber());
                row.put("words", d.inWords());
                row.put("quantity", text(d.quantity()) + (d.unit() == null ? "" : " " + d.unit()));
                destroyed.add(row);
            }
            for (MockRecallReport.ReturnReceived b : c.returnsReceived()) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("customer", c.customer());
                row.put("lotNumber", b.lotNumber());
                row.put("recallNumber", b.recallNumber() == null ? "" : b.recallNumber());
                row.put("receivedOn", String.valueOf(b.receivedOn()));
                row.put("reference", b.reference() == null ? "" : b.reference());
                row.put("quantity", text(b.quantity()) + " " + b.unit());
                returns.add(row);
            }
        }
        context.setVariable("holdings", holdings);
        context.setVariable("returns", returns);
        context.setVariable("destroyed", destroyed);
        return PdfDocuments.printable(templates.process("mock-recall", context));
    }

    byte[] pdf(MockRecallReport r, java.util.function.UnaryOperator<String> person) {
        return PdfDocuments.render(xhtml(r, person), "the report of drill " + r.drillNumber());
    }

    /** A decimal as printed: as stored, trailing zeros dropped, no exponent. */
    static String text(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
