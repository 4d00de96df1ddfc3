package org.lotflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Issue 9, input 7: cells a spreadsheet would run as formulas are written as text. */
class SpreadsheetSafeCsvTest {

    @Test
    void formulaStartsAreNeutralisedAndEverythingElseIsKept() throws Exception {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = SpreadsheetSafeCsv.printer(out, "a", "b", "c", "d", "e", "f", "g", "h")) {
            SpreadsheetSafeCsv.record(csv, "=HYPERLINK(\"http://x\",\"y\")", "@SUM(1+1)", "+1+1", "-2+3", "\tx",
                    "Metro Manufacturing", new BigDecimal("-1.5"), "");
        }
        String row = out.toString().lines().toList().get(1);
        assertThat(row).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'@SUM(1+1),'+1+1,'-2+3,\"'\tx\","
                + "Metro Manufacturing,-1.5,");
    }

    /** Where the list separator is ';', an unquoted "Acme;=cmd" would become two cells, the second a formula. */
    @Test
    void textWithAnotherLocalesSeparatorIsQuoted() throws Exception {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = SpreadsheetSafeCsv.printer(out, "customer", "quantity", "note")) {
            SpreadsheetSafeCsv.record(csv, "Acme;=HYPERLINK(\"http://x\")", new BigDecimal("5"), "a\t=1+1");
            SpreadsheetSafeCsv.record(csv, "Metro", 7, null);
        }
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(1)).isEqualTo("\"Acme;=HYPERLINK(\"\"http://x\"\")\",5,\"a\t=1+1\"");
        assertThat(lines.get(2)).isEqualTo("Metro,7,");
        List<CSVRecord> read = CSVFormat.DEFAULT.parse(new StringReader(out.toString())).getRecords();
        assertThat(read).hasSize(3);
        assertThat(read.get(1).get(0)).isEqualTo("Acme;=HYPERLINK(\"http://x\")");
        assertThat(read.get(1).get(2)).isEqualTo("a\t=1+1");
    }
}
