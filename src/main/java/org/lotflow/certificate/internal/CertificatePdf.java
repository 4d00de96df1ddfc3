package org.lotflow.certificate.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
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
    static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    static final String FONT_FAMILY = "Liberation Sans";

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
        Context context = new Context(java.util.Locale.ENGLISH);
        context.setVariable("c", c);
        context.setVariable("quantity", text(c.quantity()));
        context.setVariable("results", c.results().stream().map(CertificatePdf::row).toList());
        return printable(templates.process("coa", context));
    }

    /**
     * XML 1.0 has no place for most control characters (a product name could hold one): each is printed as
     * U+FFFD, visibly, instead of failing the whole document. The JSON answer keeps the text as stored.
     */
    static String printable(String xhtml) {
        StringBuilder out = null;
        for (int i = 0; i < xhtml.length(); i++) {
            char ch = xhtml.charAt(i);
            boolean allowed = ch == '\t' || ch == '\n' || ch == '\r' || (ch >= 0x20 && ch <= 0xD7FF)
                    || (ch >= 0xE000 && ch <= 0xFFFD) || Character.isSurrogate(ch);
            if (!allowed && out == null) {
                out = new StringBuilder(xhtml.length()).append(xhtml, 0, i);
            }
            if (out != null) {
                out.append(allowed ? ch : '\uFFFD');
            }
        }
        return out == null ? xhtml : out.toString();
    }

    /** The certificate as a PDF document. */
    public byte[] pdf(CertificateView c) {
        String xhtml = xhtml(c);
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(CertificatePdf::font, FONT_FAMILY);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the certificate " + c.coaNumber() + " could not be rendered as PDF", e);
        }
        return out.toByteArray();
    }

    private static InputStream font() {
        InputStream in = org.apache.pdfbox.pdmodel.PDDocument.class.getResourceAsStream(FONT);
        if (in == null) {
            throw new IllegalStateException("PDFBox's font " + FONT + " is missing from the class path");
        }
        return in;
    }

    private static Map<String, String> row(CertificateView.Result r) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("test", r.test());
        row.put("limits", r.limits());
        row.put("value", r.value() == null ? "not measured" : text(r.value()));
        row.put("unit", r.unit() == null ? "" : r.unit());
        row.put("result", r.result());
        return row;
    }

    /** A decimal as printed: as stored, no exponent (0.0000001 stays 0.0000001). */
    static String text(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
