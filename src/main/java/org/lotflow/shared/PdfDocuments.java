package org.lotflow.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * lotflow's printed documents (certificates of analysis, mock-recall drill reports): XHTML laid out by
 * openhtmltopdf on Apache PDFBox, in one embedded font (Liberation Sans Regular, shipped inside PDFBox), A4 as the
 * templates set it. Plain PDF, not PDF/A.
 */
public final class PdfDocuments {

    /** The font family the templates name. */
    public static final String FONT_FAMILY = "Liberation Sans";

    static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private PdfDocuments() {
    }

    /** The XHTML as a PDF; {@code what} names the document in the error should rendering fail. */
    public static byte[] render(String xhtml, String what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(PdfDocuments::font, FONT_FAMILY);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(what + " could not be rendered as PDF", e);
        }
        return out.toByteArray();
    }

    /**
     * XML 1.0 has no place for most control characters (a product name could hold one): each is printed as
     * U+FFFD, visibly, instead of failing the whole document. JSON answers keep the text as stored.
     */
    public static String printable(String xhtml) {
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

    private static InputStream font() {
        InputStream in = org.apache.pdfbox.pdmodel.PDDocument.class.getResourceAsStream(FONT);
        if (in == null) {
            throw new IllegalStateException("PDFBox's font " + FONT + " is missing from the class path");
        }
        return in;
    }
}
