package org.lotflow.shared;

import java.io.IOException;
import java.util.Arrays;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Every CSV lotflow writes (trace, recall export): RFC 4180 through Apache Commons CSV, with each
 * text cell that a spreadsheet would run as a formula neutralised. A cell starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return is written with a leading apostrophe
 * ({@code '=HYPERLINK(...)}), which spreadsheets show as text and never evaluate (OWASP "CSV
 * injection"). Numbers are written as numbers and never changed; the apostrophe is the only
 * change and is documented with each export.
 */
public final class SpreadsheetSafeCsv {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetSafeCsv() {
    }

    /** A printer with a header row. */
    public static CSVPrinter printer(Appendable out, String... header) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader(header).get().print(out);
    }

    /** Prints one record, each text cell neutralised. */
    public static void record(CSVPrinter csv, Object... values) throws IOException {
        csv.printRecord(Arrays.stream(values).map(SpreadsheetSafeCsv::cell).toArray());
    }

    /** A cell as written: text that a spreadsheet would run as a formula gets a leading apostrophe. */
    public static Object cell(Object value) {
        if (value instanceof CharSequence text && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return value;
    }
}
