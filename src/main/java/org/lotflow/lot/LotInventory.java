package org.lotflow.lot;

import java.util.List;

import org.lotflow.lot.internal.LotSearch;
import org.springframework.stereotype.Service;

/**
 * The lot list for other modules' screens (the Console): the very search {@code GET /api/lots} runs
 * ({@link LotSearch}, FEFO order, keyset cursor, no count), so a page costs one indexed range scan at a
 * million lots and answers exactly as the API does, refusals included (400 naming the filter, size or
 * cursor).
 */
@Service
public class LotInventory {

    private final LotSearch search;

    public LotInventory(LotSearch search) {
        this.search = search;
    }

    /** A page of lots in FEFO order and the cursor of the next page (null on the last page). */
    public record Page(List<Lot> items, String nextCursor) {
    }

    /**
     * One page: lots of the product {@code sku} (null: all), in {@code status} (null: any), expiring within
     * {@code expiringWithinDays} days from today (null: any), {@code size} of them after {@code cursor}.
     */
    public Page page(String sku, LotStatus status, Integer expiringWithinDays, int size, String cursor) {
        return page(sku, status, expiringWithinDays, null, size, cursor);
    }

    /**
     * Same, also filtered by the supplier's own lot number of received lots ({@code supplierLotNumber}, whatever its
     * capitals, spaces and dashes; null: any; at most 64 characters, 400 otherwise), as {@code GET /api/lots?supplierLotNumber=}.
     */
    public Page page(String sku, LotStatus status, Integer expiringWithinDays, String supplierLotNumber, int size,
            String cursor) {
        LotSearch.Page page = search.search(sku, status, expiringWithinDays, supplierLotNumber, size, cursor);
        return new Page(page.items(), page.nextCursor());
    }
}
