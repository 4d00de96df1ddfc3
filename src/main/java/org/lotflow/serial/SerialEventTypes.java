package org.lotflow.serial;

/**
 * Lot history event types written by the serial module (kept here, not in {@code LotEventTypes}). Each event lists
 * at most {@link #SERIALS_PER_EVENT} serials in its detail ({@code serials}, with {@code part} and {@code parts}
 * when a registration or shipment needs more than one event), so every serial is in the hash-chained audit trail.
 */
public final class SerialEventTypes {

    /** Serials registered to the lot (generated from the pattern or listed): {@code count, serials, part, parts}. */
    public static final String SERIALS_REGISTERED = "SERIALS_REGISTERED";
    /** Serials of the lot shipped: {@code orderNumber, customer, shippedAt, count, serials, part, parts}. */
    public static final String SERIALS_SHIPPED = "SERIALS_SHIPPED";
    /** Serials of the lot a customer sent back, received under a recall: {@code recallNumber, customer, count, serials}. */
    public static final String SERIALS_RETURNED = "SERIALS_RETURNED";

    /** Serials listed per event: 500 keep each event readable in the lot history (its detail has no limit since V129). */
    public static final int SERIALS_PER_EVENT = 500;

    private SerialEventTypes() {
    }
}
