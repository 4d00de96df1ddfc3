package org.lotflow.shared;

import java.io.IOException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;
import org.apache.commons.csv.CSVPrinter;

/**
 * Every CSV lotflow writes (trace, recall export): RFC 4180 through Apache Commons CSV, with each
 * text cell that a spreadsheet would run as a formula neutralised. A cell starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return is written with a leading apostrophe
 * ({@code '=HYPERLINK(...)}), which spreadsheets show as text and never evaluate (OWASP "CSV
 * injection"). Numbers are written as numbers and never changed; the apostrophe is the only
 * change and is documented with each export.
 *
 * <p>A text cell holding a semicolon or a tab is always written in double quotes, as RFC 4180 allows for any cell:
 * spreadsheets in locales whose list separator is {@code ;} (most of continental Europe) split an unquoted
 * {@code Acme;=HYPERLINK(...)} at the semicolon and would run the second half as a formula (OWASP: "take care of the
 * field separator"). The quotes change no value.
 */
public final class SpreadsheetSafeCsv {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetSafeCsv() {
    }

    /** A printer with a header row. */
    public static CSVPrinter printer(Appendable out, String... header) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader(header).get().print(out);
    }

    /** Every cell in double quotes: for text a spreadsheet of another locale would split. */
    private static final CSVFormat QUOTED = CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.ALL).get();

    /** Prints one record, each text cell neutralised, text with another locale's separator quoted. */
    public static void record(CSVPrinter csv, Object... values) throws IOException {
        Appendable out = csv.getOut();
        for (int i = 0; i < values.length; i++) {
            Object cell = cell(values[i]);
            CSVFormat format = cell instanceof CharSequence text && splitElsewhere(text) ? QUOTED : CSVFormat.DEFAULT;
            format.print(cell, out, i == 0);
        }
        csv.println();
    }

    private static boolean splitElsewhere(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ';' || c == '\t') {
                return true;
            }
        }
        return false;
    }

    /** A cell as written: text that a spreadsheet would run as a formula gets a leading apostrophe. */
    public static Object cell(Object value) {
        if (value instanceof CharSequence text && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return value;
    }
}
