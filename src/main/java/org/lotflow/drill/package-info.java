/**
 * Mock-recall drills (issue #14; BRCGS Food Safety 9, 3.9 and 3.11; SQF Code 2.6.3: a traceability
 * exercise at least once a year, within a target time, usually 4 hours). A recall coordinator starts a
 * drill on any lot: the same trace as a real recall, one step back to the suppliers and forward through
 * every lot made from it to the customers, with the mass balance of every lot of the scope; but no status
 * changes, no allocation is cancelled, no customer is contacted. The {@code mockRecall} process (business
 * key: the drill number {@code MR-{yyyy}-{seq:4}}) has the coordinator review the scope and close the
 * drill; a timer fails it when the target time passes first. The report is JSON or PDF, the history of
 * drills is listed for the auditor.
 *
 * <p>The module's API: {@link org.lotflow.drill.MockRecallReport} (a drill and its report, and the
 * history's {@code Summary}) and {@link org.lotflow.drill.DrillStatus}. Internal: the start
 * ({@code DrillStarting}: the trace through the trace module's {@code TraceService}, the lot module's
 * {@code Genealogies} and {@code LotOrigins}, the order module's {@code OpenAllocations}; set-based queries,
 * a handful per drill whatever its size), the per-year sequence ({@code DrillSequence}), the rules
 * ({@code MassBalance}, {@code DrillOutcome}), the coordinator's steps ({@code DrillWork}), the read side
 * and the PDF ({@code DrillReports}, {@code DrillPdf}: Thymeleaf and openhtmltopdf as the certificate module
 * does), the process's listeners and delegates in {@code internal.process}, the REST controller in
 * {@code internal.web}.
 */
package org.lotflow.drill;
