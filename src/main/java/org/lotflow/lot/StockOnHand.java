package org.lotflow.lot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.lotflow.lot.internal.LotRepository;
import org.lotflow.lot.internal.OnHandSearch;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lots of a product that still have stock on hand, for the FIFO management report (issue 10: the
 * reports module no longer reads the {@code lot} table). No locks.
 */
@Service
public class StockOnHand {

    private final LotRepository lots;
    private final OnHandSearch search;

    public StockOnHand(LotRepository lots, OnHandSearch search) {
        this.lots = lots;
        this.search = search;
    }

    /**
     * The product's lots, whatever their status but ARCHIVED, with stock on hand
     * ({@link LotQuantities#onHand()} &gt; 0: {@code quantity - shipped - consumed - disposed}, allocated stock
     * included; a lot disposed of has none), in no particular order.
     */
    @Transactional(readOnly = true)
    public List<Lot> ofProduct(Long productId) {
        return lots.findOnHandOfProduct(productId);
    }

    /**
     * One page of the product's lots with stock on hand (any status but ARCHIVED) in FEFO order, at most
     * {@code size} lots, starting after {@code cursor} (null: the first page). 400 naming {@code cursor} when it
     * is not one a page handed out. The caller checks {@code size}.
     */
    @Transactional(readOnly = true)
    public LotPage pageOfProduct(Long productId, int size, String cursor) {
        return search.ofProduct(productId, size, cursor);
    }

    /**
     * What FEFO may allocate of the product today ({@code Fefo.eligible} with no shelf-life minimum: RELEASED,
     * not expired on {@code today}, stock available): how many lots, how much in the product's unit, and the
     * first lot in FEFO order (null when none).
     */
    public record Allocatable(long lots, BigDecimal quantity, String firstLotNumber) {
    }

    /** {@link Allocatable} of the product on {@code today}. */
    @Transactional(readOnly = true)
    public Allocatable allocatable(Long productId, LocalDate today) {
        OnHandSearch.Allocatable a = search.allocatable(productId, today);
        return new Allocatable(a.lots(), a.quantity(), a.first());
    }

    /** The first lot of {@link Allocatable} alone, without reading the others (null when none). */
    @Transactional(readOnly = true)
    public String nextToAllocate(Long productId, LocalDate today) {
        return search.firstAllocatable(productId, today);
    }
}
