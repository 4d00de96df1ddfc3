package org.lotflow.lot.internal;

import java.util.List;
import java.util.Map;

import org.lotflow.shared.IdArray;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Row locks on lots, taken with plain SQL in the caller's transaction (the JPA transaction's own
 * connection): {@code SELECT id ... FOR UPDATE} with the ids as one array parameter. The statement is the
 * same whatever the number of lots, so the database and the driver reuse its plan; a JPQL
 * {@code in :ids} was translated again for every list size, and a native entity query resolved its
 * result mapping again for every call (issue #11: most of an order's CPU).
 */
@Component
public class LotRowLocks {

    private static final String LOCK = "SELECT id FROM lot WHERE id = ANY(:ids) ORDER BY id FOR UPDATE";

    private final NamedParameterJdbcTemplate jdbc;

    public LotRowLocks(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the lots with these ids in ascending id order; the ids of those that exist, ascending. */
    public List<Long> lock(List<Long> ids) {
        return jdbc.queryForList(LOCK, Map.of("ids", IdArray.of(ids)), Long.class);
    }
}
