package org.lotflow.lot.internal;

import java.time.LocalDate;

import org.lotflow.lot.LotStatus;
import org.lotflow.shared.InvalidInput;

/**
 * The filter rules of the lot list ({@code GET /api/lots}), checked before any query: {@code size} is 1
 * to {@value #MAX_PAGE_SIZE} (400 otherwise), a blank {@code sku} means every product,
 * {@code expiringWithinDays} must not be negative (400) and means "expires on or before today plus that
 * many days" (expired lots included), {@code supplierLotNumber} is a supplier's own lot number (found whatever
 * its capitals, spaces and dashes, by {@link SupplierLotRules#key} as receipts compare it; blank means any; at most 64
 * characters, 400 otherwise), {@code cursor} is decoded ({@link LotCursor}; blank means the
 * first page). A plain rule: no Spring, no database.
 *
 * @param sku the product, or null for all
 * @param status the status, or null for all
 * @param expiringBy the latest expiration date, or null for any
 * @param supplierLotNumber the supplier's lot number of received lots, or null for any
 * @param size the page size
 * @param after the sort key the page starts after, or null for the first page
 */
public record LotFilter(String sku, LotStatus status, LocalDate expiringBy, String supplierLotNumber, int size,
        LotCursor after) {

    /** The largest page. */
    public static final int MAX_PAGE_SIZE = 500;

    /** The filter of a request, as of {@code today} (the business date). */
    public static LotFilter of(String sku, LotStatus status, Integer expiringWithinDays, int size, String cursor,
            LocalDate today) {
        return of(sku, status, expiringWithinDays, null, size, cursor, today);
    }

    /** The filter of a request with a supplier lot number, as of {@code today} (the business date). */
    public static LotFilter of(String sku, LotStatus status, Integer expiringWithinDays, String supplierLotNumber,
            int size, String cursor, LocalDate today) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInput("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (expiringWithinDays != null && expiringWithinDays < 0) {
            throw new InvalidInput("expiringWithinDays", "must not be negative");
        }
        String supplierLot = supplierLotNumber == null || supplierLotNumber.isBlank() ? null : supplierLotNumber.trim();
        if (supplierLot != null && supplierLot.length() > 64) {
            throw new InvalidInput("supplierLotNumber", "must be at most 64 characters");
        }
        return new LotFilter(sku == null || sku.isBlank() ? null : sku, status,
                expiringWithinDays == null ? null : today.plusDays(expiringWithinDays), supplierLot, size,
                cursor == null || cursor.isBlank() ? null : LotCursor.decode(cursor));
    }
}
