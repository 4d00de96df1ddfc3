package org.lotflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;

import org.apache.commons.csv.CSVPrinter;
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
        assertThat(row).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'@SUM(1+1),'+1+1,'-2+3,'\tx,"
                + "Metro Manufacturing,-1.5,");
    }
}
