package org.lotflow.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Another transaction changing a lot's status at the same moment as the step under test: a connection of the test's
 * own changes the lot's status under its row lock, as {@code LotService.changeStatus} does, and keeps it uncommitted
 * while the step runs in another thread; once the step waits on a lock (PostgreSQL's {@code pg_stat_activity}), the
 * change commits and the step's result is returned. Fails when the step went ahead without waiting.
 */
final class StatusChangeInFlight {

    private StatusChangeInFlight() {
    }

    static <T> T during(DataSource dataSource, JdbcTemplate jdbc, String lotNumber, String status, Callable<T> step,
            String wentAhead) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection change = dataSource.getConnection()) {
            change.setAutoCommit(false);
            try (PreparedStatement lock = change.prepareStatement("SELECT id FROM lot WHERE lot_number = ? FOR UPDATE");
                    PreparedStatement changed = change.prepareStatement("UPDATE lot SET status = ? WHERE lot_number = ?")) {
                lock.setString(1, lotNumber);
                lock.executeQuery().close();
                changed.setString(1, status);
                changed.setString(2, lotNumber);
                assertThat(changed.executeUpdate()).isEqualTo(1);
            }
            Future<T> running = pool.submit(step);
            // the step waits on the lot's row lock (it would have committed by now without it)
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!running.isDone() && waitingOnALock(jdbc) == 0 && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertThat(running.isDone()).as(wentAhead).isFalse();
            change.commit();
            T result = running.get(60, TimeUnit.SECONDS);
            // the status as the lot now has it, with the event lotflow would have written: the audit check compares
            // each lot's status with its trail, and other tests of the shared database assert it intact (audit 29 F2)
            org.lotflow.support.TrailedEdits.status(jdbc, lotNumber,
                    jdbc.queryForObject("SELECT status FROM lot WHERE lot_number = ?", String.class, lotNumber), null);
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    private static int waitingOnALock(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                + " AND datname = current_database()", Integer.class);
    }
}
