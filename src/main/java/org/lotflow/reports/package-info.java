/**
 * Reports (read-only): the seed's reports (its "What reports should I generate" list, issue #13): the FIFO
 * management report of a SKU, the expiry alert list, FEFO compliance, the 5 PM daily review of any past day,
 * lot quality history, quality trend, complaint analysis, recall impact, inventory aging, rotation and the cost
 * impact of expired and rejected stock. No API of its own: {@code GET /api/reports/...} only, as JSON or CSV.
 * It reads no table: each owner module answers its part in set-based SQL ({@code LotReports},
 * {@code HistoryReports}, {@code LabReports}, {@code HoldReports}, {@code OrderReports}, {@code RecallReports},
 * and the order, expiry and lot APIs the first three reports use).
 */
package org.lotflow.reports;
