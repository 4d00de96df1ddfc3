package org.lotflow.lot;

import java.util.List;

import org.lotflow.lot.internal.LotRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lots of a product that still have stock on hand, for the FIFO management report (issue 10: the
 * reports module no longer reads the {@code lot} table). No locks.
 */
@Service
public class StockOnHand {

    private final LotRepository lots;

    public StockOnHand(LotRepository lots) {
        this.lots = lots;
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
}
