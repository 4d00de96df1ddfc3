package org.lotflow.history.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.lotflow.shared.ClockConfiguration;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Auditor 2026-12-05 F18: restarted with an earlier {@code lotflow.today}, lotflow dated a release approval before
 * the lab results it approved. At start-up the clock is now moved on past the audit trail's latest record: here a
 * clock 400 days behind the trail of the running application (whose own clock is not touched).
 */
@ApiTest
class TrailClockFloorTest {

    @Autowired
    TestClient api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock applicationClock;
    @Autowired
    org.springframework.beans.factory.ObjectProvider<org.lotflow.security.SecurityEvents> securityEvents;

    @Test
    void aClockBehindTheAuditTrailIsMovedOnPastItsLatestRecord() {
        String lot = api.createLot(api.createProduct("TCF"), new BigDecimal("5"), "2025-01-20");
        Instant latest = jdbc.queryForObject("SELECT MAX(at) FROM lot_event", java.time.OffsetDateTime.class)
                .toInstant();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lot_event e JOIN lot l ON l.id = e.lot_id"
                + " WHERE l.lot_number = ?", Integer.class, lot)).isPositive();

        ClockConfiguration.TrailClock behind = new ClockConfiguration.TrailClock(
                Clock.offset(applicationClock, Duration.ofDays(-400)), true);
        TrailClockFloor floor = new TrailClockFloor(jdbc, behind);
        assertThat(floor.latest()).isEqualTo(latest);
        floor.afterSingletonsInstantiated();
        assertThat(behind.instant()).isAfter(latest).isBefore(latest.plusSeconds(60));

        ClockConfiguration.TrailClock ahead = new ClockConfiguration.TrailClock(
                Clock.offset(applicationClock, Duration.ofDays(1)), false);
        Instant before = ahead.instant();
        new TrailClockFloor(jdbc, ahead).afterSingletonsInstantiated();
        assertThat(ahead.instant()).as("a clock after the trail is left alone").isBefore(before.plusSeconds(60));
    }

    /**
     * A demo day restarted goes on after every trail kept on its clock, not only the lot history (re-test 2026-12-06
     * F4: a security event of the run before was dated after those recorded after the restart).
     */
    @Test
    void aDemoDayGoesOnAfterTheSecurityTrailAndTheEnginesHistoryToo() {
        api.createLot(api.createProduct("TCFS"), new BigDecimal("5"), "2025-01-20");
        Instant lotLatest = new TrailClockFloor(jdbc, applicationClock).latest();
        Instant securityLater = lotLatest.plusSeconds(20);
        jdbc.update("INSERT INTO security_event (occurred_at, type, user_id, client, channel, detail) VALUES"
                + " (?, 'UNLOCKED', 'nobody-tcfs', 'local', 'admin', 'a record of the run before')",
                java.sql.Timestamp.from(securityLater));
        ClockConfiguration.TrailClock demoRestart = new ClockConfiguration.TrailClock(
                Clock.offset(applicationClock, Duration.ofDays(-2)), true);
        TrailClockFloor floor = new TrailClockFloor(jdbc, demoRestart, securityEvents);
        assertThat(floor.latestOfEveryTrail()).isAfterOrEqualTo(securityLater);
        floor.afterSingletonsInstantiated();
        assertThat(demoRestart.instant()).isAfter(securityLater);
    }

    /** The real clock is not moved far: a trail dated ahead of it (a later demo day on this database) refuses the start. */
    @Test
    void aRealClockFarBehindTheAuditTrailRefusesTheStart() {
        ClockConfiguration.TrailClock real = new ClockConfiguration.TrailClock(
                Clock.offset(applicationClock, Duration.ofDays(-1)), false);
        Instant before = real.instant();
        assertThatThrownBy(() -> new TrailClockFloor(jdbc, real).afterSingletonsInstantiated())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("lotflow does not start: the audit"
                        + " trail holds records dated up to");
        assertThat(real.instant()).as("not moved").isBefore(before.plusSeconds(60));
        ClockConfiguration.TrailClock corrected = new ClockConfiguration.TrailClock(
                Clock.offset(applicationClock, Duration.ofMinutes(-2)), false);
        new TrailClockFloor(jdbc, corrected).afterSingletonsInstantiated();
        assertThat(corrected.instant()).as("a clock corrected back by minutes moves on").isAfter(new TrailClockFloor(
                jdbc, corrected).latest());
    }
}
