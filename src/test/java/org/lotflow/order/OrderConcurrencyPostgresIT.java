package org.lotflow.order;

import org.junit.jupiter.api.Test;
import org.lotflow.support.PostgresApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The same storm against PostgreSQL: row locks in id order hold there exactly as on H2. */
@PostgresApiTest
class OrderConcurrencyPostgresIT {

    @Autowired
    TestClient api;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void simultaneousOrdersNeverOverAllocateNorDeadlock() throws Exception {
        new OrderStorm(api, jdbc).run(48, 16);
    }
}
