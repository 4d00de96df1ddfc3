package org.lotflow.serial;

/**
 * Where a serialised unit is: {@code IN_STOCK} in its lot, {@code SHIPPED} to a customer, {@code RETURNED} from it
 * under a recall (its shipment kept), {@code DISPOSED} with its
 * lot's stock (destroyed or returned to the supplier), {@code CONSUMED} into another lot (its lot used as a source).
 */
public enum SerialStatus {
    IN_STOCK,
    SHIPPED,
    /** Back from its customer under a recall: at the plant until the recall's closing disposes of it (V157). */
    RETURNED,
    DISPOSED,
    CONSUMED
}
