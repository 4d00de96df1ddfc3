package org.lotflow.shared;

import java.util.Collection;

import org.springframework.jdbc.support.SqlArrayValue;

/**
 * Row ids as one SQL array parameter, for {@code WHERE id = ANY(:ids)} on PostgreSQL and H2: a query
 * over any number of lots (a hub lot's trace reaches more than 100,000) binds one parameter instead of
 * one per id, so it never meets the drivers' limit of 65,535 bind parameters per statement (issue #11).
 */
public final class IdArray {

    private IdArray() {
    }

    /** The ids as a {@code bigint} array parameter (each id once is not required). */
    public static SqlArrayValue of(Collection<Long> ids) {
        return new SqlArrayValue("bigint", ids.toArray());
    }
}
