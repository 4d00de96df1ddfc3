package org.lotflow.serial;

/** Where a serialised unit is: {@code IN_STOCK} in its lot, {@code SHIPPED} to a customer. */
public enum SerialStatus {
    IN_STOCK,
    SHIPPED
}
