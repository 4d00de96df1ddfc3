package org.lotflow.lot;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lots of a product that still have stock on hand, for the FIFO management report (issue 10: the
 * reports module no longer reads the {@code lot} table). No locks.
 */
@Service
public class StockOnHand {

    private final NamedParameterJdbcTemplate jdbc;
    private final LotStock lots;

    public StockOnHand(NamedParameterJdbcTemplate jdbc, LotStock lots) {
        this.jdbc = jdbc;
        this.lots = lots;
    }

    /**
     * The product's lots, whatever their status but ARCHIVED, with stock on hand
     * ({@code quantity - shipped - consumed > 0}, allocated stock included), in no particular order.
     */
    @Transactional(readOnly = true)
    public List<Lot> ofProduct(Long productId) {
        List<Long> ids = jdbc.queryForList("""
                SELECT id FROM lot WHERE product_id = :productId AND status <> 'ARCHIVED'
                   AND quantity - shipped - consumed > 0""", Map.of("productId", productId), Long.class);
        return lots.findAllById(ids);
    }
}
