package org.lotflow.reports.internal.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;
import org.lotflow.reports.internal.ReportTable;
import org.lotflow.shared.SpreadsheetSafeCsv;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Every report as CSV with {@code Accept: text/csv} (UTF-8, RFC 4180 through Apache Commons CSV): the
 * report's {@link ReportTable} rows under its header. Text a spreadsheet would run as a formula gets a
 * leading apostrophe ({@link SpreadsheetSafeCsv}); numbers are written exactly as in the JSON answer (numbers
 * are never prefixed); an empty cell is a null. Added after the JSON converter
 * ({@link ReportWebConfiguration}), so a request without a preference gets JSON.
 */
public class ReportCsvConverter extends AbstractHttpMessageConverter<ReportTable> {

    public static final String TEXT_CSV = "text/csv";

    public ReportCsvConverter() {
        super(StandardCharsets.UTF_8, new MediaType("text", "csv", StandardCharsets.UTF_8));
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return ReportTable.class.isAssignableFrom(clazz);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected ReportTable readInternal(Class<? extends ReportTable> clazz, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("reports are never read", input);
    }

    @Override
    protected void writeInternal(ReportTable report, HttpOutputMessage output) throws IOException {
        Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
        CSVPrinter csv = SpreadsheetSafeCsv.printer(writer, report.csvHeader().toArray(String[]::new));
        for (List<Object> row : report.csvRows()) {
            SpreadsheetSafeCsv.record(csv, row.stream()
                    .map(v -> v instanceof java.math.BigDecimal d && d.scale() < 0 ? d.setScale(0) : v).toArray());
        }
        csv.flush();
    }
}
