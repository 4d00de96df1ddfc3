/**
 * Orders: placement with FEFO allocation ({@link org.lotflow.order.Fefo}), allocation overrides signed by a
 * QA manager ({@code allocationOverride}), cancellation and shipping, and the shipment ledger that recalls
 * and traces read. API: {@link org.lotflow.order.OrderPlacement} and {@link org.lotflow.order.Shipping}
 * (the demo data places and ships orders), {@link org.lotflow.order.Deliveries},
 * {@link org.lotflow.order.OpenAllocations}, {@link org.lotflow.order.AllocationReports}, the FEFO rules and
 * the history event types. Everything else is in {@code internal}.
 */
package org.lotflow.order;
