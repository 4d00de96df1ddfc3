package org.lotflow.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.lotflow.shared.ClusterLock;
import org.lotflow.support.PostgresApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A lock made on first use ({@link ClusterLock#holdUntilCommitCreating}: a product loaded by SQL has no lock row
 * until its first order) taken by many transactions at once on PostgreSQL: every one of them goes on, one at a
 * time, and none is refused (issue #11: the first orders of 16 clients were answered 409 before).
 */
@PostgresApiTest
class PostgresClusterLockIT {

    @Autowired
    ClusterLock clusterLock;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void transactionsCreatingTheSameNewLockAtOnceAllGoOnOneAtATime() throws Exception {
        String name = "it-first-use:" + UUID.randomUUID();
        int callers = 8;
        CyclicBarrier start = new CyclicBarrier(callers);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                done.add(pool.submit(() -> transaction.executeWithoutResult(status -> {
                    try {
                        start.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    clusterLock.holdUntilCommitCreating(name);
                    mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    // work under the lock, and a write after it: the transaction is still usable
                    jdbc.queryForObject("SELECT pg_sleep(0.05)", Object.class);
                    jdbc.queryForObject("SELECT count(*) FROM app_lock WHERE name = ?", Long.class, name);
                    inside.decrementAndGet();
                })));
            }
            for (Future<?> each : done) {
                each.get(60, TimeUnit.SECONDS); // throws if any caller was refused
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(mostInside.get()).as("callers holding the lock at the same time").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM app_lock WHERE name = ?", Long.class, name)).isEqualTo(1);
    }
}
