package org.lotflow.serial.internal;

import java.util.Map;

import org.lotflow.shared.InsertUnlessThere;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A product's sequence of generated serials ({@code serial_sequence}, V114): never reset, so a pattern without a
 * year still never repeats a serial. {@link #reserve} hands out a whole range in one update (a lot of 100,000
 * units reserves its numbers in one statement): the row's lock queues concurrent generations of the product, and
 * a rolled-back lot gives its range back. The first generation of a product inserts the row; of two first
 * generations at once, the second finds the first's row when it commits and takes the range after it
 * ({@link InsertUnlessThere}): neither is refused.
 */
@Component
public class SerialSequence {

    private final NamedParameterJdbcTemplate jdbc;

    public SerialSequence(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Reserves {@code count} numbers of the product's sequence; answers the first (1, 2, ...). */
    @Transactional(propagation = Propagation.MANDATORY)
    public long reserve(long productId, int count) {
        MapSqlParameterSource p = new MapSqlParameterSource("product", productId).addValue("count", count);
        if (jdbc.update("UPDATE serial_sequence SET last_value = last_value + :count WHERE product_id = :product",
                p) == 1) {
            Long last = jdbc.queryForObject("SELECT last_value FROM serial_sequence WHERE product_id = :product",
                    Map.of("product", productId), Long.class);
            return last - count + 1;
        }
        if (InsertUnlessThere.insert(jdbc.getJdbcTemplate(),
                "INSERT INTO serial_sequence (product_id, last_value) VALUES (?, ?)", productId, (long) count)) {
            return 1;
        }
        // another lot's first generation made the row at the same moment: take the range after its own
        return reserve(productId, count);
    }
}
