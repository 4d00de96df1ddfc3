package org.lotflow.order;

import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Dozens of simultaneous orders, shipments and cancellations on H2: the allocation invariants hold. */
@ApiTest
class OrderConcurrencyTest {

    @Autowired
    TestClient api;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void simultaneousOrdersNeverOverAllocateNorDeadlock() throws Exception {
        new OrderStorm(api, jdbc).run(48, 16);
    }
}
