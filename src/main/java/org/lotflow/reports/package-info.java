/**
 * Reports (read-only): the seed's FIFO management report of a SKU, the expiry alert list and FEFO
 * compliance. No API of its own: {@code GET /api/reports/...} only, built from the order, expiry and lot
 * modules' APIs.
 */
package org.lotflow.reports;
