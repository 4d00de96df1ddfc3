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
import org.lotflow.serial.internal.SerialSequence;
import org.lotflow.shared.ClusterLock;
import org.lotflow.support.PostgresApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A lock made on first use ({@link ClusterLock#holdUntilCommitCreating}: a product loaded by SQL has no lock row
 * until its first order) taken by many transactions at once on PostgreSQL: every one of them goes on, one at a
 * time, and none is refused (issue #11: the first orders of 16 clients were answered 409 before). The same for a
 * product's serial sequence made by its first serialised lots ({@link SerialSequence}).
 */
@PostgresApiTest
class PostgresClusterLockIT {

    @Autowired
    ClusterLock clusterLock;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SerialSequence serialSequence;

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

    @Test
    void lotsReservingAProductsFirstSerialsAtOnceEachGetARangeOfTheirOwn() throws Exception {
        Long product = jdbc.queryForObject("SELECT min(id) FROM product p WHERE NOT EXISTS"
                + " (SELECT 1 FROM serial_sequence s WHERE s.product_id = p.id)", Long.class);
        int callers = 8;
        int units = 5;
        CyclicBarrier start = new CyclicBarrier(callers);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Long> firsts = new ArrayList<>();
        try {
            List<Future<Long>> done = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                done.add(pool.submit(() -> transaction.execute(status -> {
                    try {
                        start.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    long first = serialSequence.reserve(product, units);
                    jdbc.queryForObject("SELECT pg_sleep(0.05)", Object.class);
                    return first;
                })));
            }
            for (Future<Long> each : done) {
                firsts.add(each.get(60, TimeUnit.SECONDS)); // throws if any lot was refused
            }
        } finally {
            pool.shutdownNow();
            jdbc.update("DELETE FROM serial_sequence WHERE product_id = ?", product);
        }
        assertThat(firsts).containsExactlyInAnyOrder(1L, 6L, 11L, 16L, 21L, 26L, 31L, 36L);
    }
}
