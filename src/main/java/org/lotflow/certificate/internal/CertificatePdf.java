package org.lotflow.certificate.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.lotflow.shared.PdfDocuments;
import org.lotflow.certificate.CertificateView;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * A certificate as PDF (A4): the XHTML template {@code certificate/coa.xhtml} filled by Thymeleaf (text
 * escaped), laid out and written by openhtmltopdf on Apache PDFBox. The font is Liberation Sans, which
 * PDFBox ships, embedded as a subset, so the limits' signs (≥, ≤, –, °) print as they are. Values and
 * quantities are printed as stored (trailing zeros dropped, never rounded, never in exponent form). A
 * superseded certificate carries a banner naming the certificate that replaced it.
 */
@Component
public class CertificatePdf {

    /** The font PDFBox ships (Apache PDFBox's own fallback font; SIL Open Font License). */

    static {
        com.openhtmltopdf.util.XRLog.setLoggerImpl(new PdfLibraryLog());
    }

    private final TemplateEngine templates;

    public CertificatePdf() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("certificate/");
        resolver.setSuffix(".xhtml");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        this.templates = new TemplateEngine();
        this.templates.setTemplateResolver(resolver);
    }

    /** The certificate as XHTML (what the PDF is laid out from). */
    public String xhtml(CertificateView c) {
        return xhtml(c, null);
    }

    /**
     * The certificate as XHTML as handed out to {@code customer} (null: to nobody named), who is printed under the
     * certificate's facts ("Provided to"; new user 2026-12-06 D13: the hand-out recorded the customer, the document
     * did not name it). The certificate itself, as issued, is the same for every hand-out.
     */
    public String xhtml(CertificateView c, String customer) {
        Context context = new Context(java.util.Locale.ENGLISH);
        context.setVariable("c", c);
        context.setVariable("providedTo", customer);
        context.setVariable("quantity", text(c.quantity()));
        context.setVariable("results", c.results().stream().map(CertificatePdf::row).toList());
        return printable(templates.process("coa", context));
    }

    /** {@link PdfDocuments#printable}. */
    static String printable(String xhtml) {
        return PdfDocuments.printable(xhtml);
    }

    /** The certificate as a PDF document. */
    public byte[] pdf(CertificateView c) {
        return pdf(c, null);
    }

    /** {@link #pdf(CertificateView)} as handed out to {@code customer} (null: to nobody named). */
    public byte[] pdf(CertificateView c, String customer) {
        return PdfDocuments.render(xhtml(c, customer), "the certificate " + c.coaNumber());
    }

    private static Map<String, String> row(CertificateView.Result r) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("test", r.test());
        row.put("limits", r.limits());
        row.put("value", r.text() != null ? r.text() : r.value() == null ? "not measured" : text(r.value()));
        row.put("unit", r.unit() == null || r.text() != null ? "" : r.unit());
        row.put("result", r.result());
        return row;
    }

    /** A decimal as printed: as stored, no exponent (0.0000001 stays 0.0000001). */
    static String text(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
