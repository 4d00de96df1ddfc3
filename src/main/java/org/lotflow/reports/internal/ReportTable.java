package org.lotflow.reports.internal;

import java.util.List;

/**
 * A report that can be written as CSV ({@code Accept: text/csv}, {@code ReportCsvConverter}): a header row and
 * its rows. The same record answers JSON; the CSV has the same field names as the JSON and the same values
 * (quantities as exact decimals in the unit column, nothing rounded further).
 */
public interface ReportTable {

    /** The column names, the JSON field names of one row. */
    List<String> csvHeader();

    /** The rows, each as many cells as the header. */
    List<List<Object>> csvRows();
}
