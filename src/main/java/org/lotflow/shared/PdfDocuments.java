package org.lotflow.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * lotflow's printed documents (certificates of analysis, mock-recall drill reports): XHTML laid out by
 * openhtmltopdf on Apache PDFBox, in one embedded font (Liberation Sans Regular, shipped inside PDFBox: Latin, Greek
 * and Cyrillic letters), A4 as the templates set it. Plain PDF, not PDF/A. A document with a character the font has no
 * letter for (Chinese, Japanese or Korean writing, an emoji) is refused ({@link NotPrintable}, 406 naming the text),
 * never printed with {@code #} in its place (auditor 2026-12-06 F3).
 */
public final class PdfDocuments {

    /** The font family the templates name. */
    public static final String FONT_FAMILY = "Liberation Sans";

    static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private PdfDocuments() {
    }

    /**
     * The XHTML as a PDF; {@code what} names the document in the error should rendering fail.
     *
     * @throws NotPrintable when a text of it has a character the font cannot print
     */
    public static byte[] render(String xhtml, String what) {
        String unprintable = unprintable(xhtml);
        if (unprintable != null) {
            throw new NotPrintable(Character.toUpperCase(what.charAt(0)) + what.substring(1) + " cannot be printed as"
                    + " PDF: " + unprintable + ". Ask for it as"
                    + " JSON (Accept: application/json), which carries every character; nothing was recorded.");
        }
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

    /**
     * Why the texts of {@code xhtml} cannot all be printed in the font: the first character it has no letter for, by
     * its code point, and the text holding it; null when every character can be printed. Markup, white space,
     * control characters and U+FFFD ({@link #printable}'s mark) are not looked at.
     */
    public static String unprintable(String xhtml) {
        org.apache.fontbox.ttf.CmapLookup glyphs = Glyphs.LOOKUP;
        boolean inTag = false;
        for (int i = 0; i < xhtml.length(); ) {
            int cp = xhtml.codePointAt(i);
            if (cp == '<') {
                inTag = true;
            } else if (cp == '>') {
                inTag = false;
            } else if (!inTag && cp > 0x7E && cp != 0xFFFD && !Character.isWhitespace(cp) && !Character.isISOControl(cp)
                    && Character.getType(cp) != Character.FORMAT && glyphs.getGlyphId(cp) == 0) {
                int start = xhtml.lastIndexOf('>', i) + 1;
                int end = xhtml.indexOf('<', i);
                String text = xhtml.substring(start, end < 0 ? xhtml.length() : end).strip();
                return "its font (" + FONT_FAMILY + ") has no letter for '" + new String(Character.toChars(cp))
                        + "' (U+" + String.format("%04X", cp) + ") in \"" + (text.length() > 80
                                ? text.substring(0, 80) + "…" : text) + "\"";
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    /** The font's Unicode character map, read once. */
    private static final class Glyphs {
        static final org.apache.fontbox.ttf.CmapLookup LOOKUP = read();

        private static org.apache.fontbox.ttf.CmapLookup read() {
            try (InputStream in = font()) {
                return new org.apache.fontbox.ttf.TTFParser().parse(
                        org.apache.pdfbox.io.RandomAccessReadBuffer.createBufferFromStream(in)).getUnicodeCmapLookup();
            } catch (IOException e) {
                throw new UncheckedIOException("PDFBox's font " + FONT + " could not be read", e);
            }
        }
    }

    private static InputStream font() {
        InputStream in = org.apache.pdfbox.pdmodel.PDDocument.class.getResourceAsStream(FONT);
        if (in == null) {
            throw new IllegalStateException("PDFBox's font " + FONT + " is missing from the class path");
        }
        return in;
    }
}
