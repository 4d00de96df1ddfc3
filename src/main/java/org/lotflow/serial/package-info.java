/**
 * Serials within lots (issue #16; the seed's "How do I handle products that require both lot and serial
 * tracking?"): a serialised product's lots hold one serial number per unit, generated from the product's serial
 * pattern when the lot is made or received ({@link org.lotflow.serial.internal.SerialGeneration}) or registered
 * in bulk ({@link org.lotflow.serial.SerialRegistration}); each serial belongs to exactly one lot and is unique
 * for its product (a unique key). Shipping names the serials it ships ({@link org.lotflow.serial.SerialShipments},
 * called by the order module); {@link org.lotflow.serial.SerialLedger} answers a serial's lot, status and
 * customer, and the serials that reached each customer (traces, recalls). Registrations and shipments are
 * events of the lot's audit trail ({@link org.lotflow.serial.SerialEventTypes}). Everything else is in
 * {@code internal}.
 */
package org.lotflow.serial;
