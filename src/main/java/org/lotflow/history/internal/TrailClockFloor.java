package org.lotflow.history.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.lotflow.shared.ClockConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At start-up, before the application serves anyone, tells lotflow's clock ({@link ClockConfiguration.TrailClock})
 * the audit trail's latest time, so that no record is dated before one already kept (21 CFR 11.10(e); EU GMP
 * Annex 11 §9). A demo day's clock behind the trail (a restart with an earlier {@code lotflow.today}) is moved on to
 * just after it, with a warning in the log naming both times; so is the real clock when it is behind by at most
 * {@link #MOST_MOVED_REAL} (a clock corrected back). A real clock further behind refuses the start (the
 * exception says why): moving it on would date every new record in the future. The latest time is read from
 * the last 1,000 events by id (the primary key: no scan of the whole history at a plant's size; events commit
 * nearly in id order).
 */
@Component
class TrailClockFloor implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TrailClockFloor.class);

    /** How far the real clock is moved on at most (a clock corrected back by NTP); further is a refused start. */
    static final Duration MOST_MOVED_REAL = Duration.ofMinutes(5);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    private final org.springframework.beans.factory.ObjectProvider<org.lotflow.security.SecurityEvents> securityEvents;

    /** The key of the record seal every event carries (audit29 F4); null in tests of the floor alone. */
    private final org.springframework.beans.factory.ObjectProvider<org.lotflow.history.internal.chain.AuditMacKey> macKey;

    @org.springframework.beans.factory.annotation.Autowired
    TrailClockFloor(JdbcTemplate jdbc, Clock clock,
            org.springframework.beans.factory.ObjectProvider<org.lotflow.security.SecurityEvents> securityEvents,
            org.springframework.beans.factory.ObjectProvider<org.lotflow.history.internal.chain.AuditMacKey> macKey) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.securityEvents = securityEvents;
        this.macKey = macKey;
    }

    /** Without the record seal's key (tests of the floor alone: no CLOCK_SET is recorded). */
    TrailClockFloor(JdbcTemplate jdbc, Clock clock,
            org.springframework.beans.factory.ObjectProvider<org.lotflow.security.SecurityEvents> securityEvents) {
        this(jdbc, clock, securityEvents, null);
    }

    /** Without the security trail (tests of the lot history's floor alone). */
    TrailClockFloor(JdbcTemplate jdbc, Clock clock) {
        this(jdbc, clock, null);
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!(clock instanceof ClockConfiguration.TrailClock trailClock)) {
            return; // a clock a test set up itself
        }
        Instant latest = trailClock.demoDay() ? latestOfEveryTrail() : latest();
        Instant before = trailClock.instant();
        if (!trailClock.demoDay() && latest != null && latest.isAfter(before.plus(MOST_MOVED_REAL))) {
            throw new IllegalStateException("lotflow does not start: the audit trail holds records dated up to "
                    + latest + ", after this machine's clock (" + before + "). A demo day later than today"
                    + " (lotflow.today) was used on this database, or the clock is wrong; records must not be dated"
                    + " before earlier ones nor in the future. Set the clock right, or use this database for demos"
                    + " only (with lotflow.today)");
        }
        Duration moved = trailClock.notBefore(latest);
        if (!moved.isZero() && trailClock.demoDay() && java.time.LocalDate.ofInstant(latest, trailClock.getZone())
                .equals(java.time.LocalDate.ofInstant(before, trailClock.getZone()))) {
            // a demo restarted on its day: the day starts at 09:00 again and goes on after what was recorded before
            log.info("The demo day goes on after the audit trail's latest record ({}): the clock moved on by {}",
                    latest, moved);
        } else if (!moved.isZero()) {
            log.warn("The clock ({}) is behind the audit trail's latest record ({}): moved on by {} so that no record"
                    + " is dated before an earlier one (a restart with an earlier lotflow.today, or a system clock set"
                    + " back?)", before, latest, moved);
        }
        if (trailClock.fixedDay() != null) {
            recordClockSet(trailClock, trailClock.fixedDay(), moved);
        }
    }

    /** The type of the audit trail's event of a start on a fixed day (an event of no lot; V208). */
    static final String CLOCK_SET = "CLOCK_SET";

    /**
     * Records that this node's clock runs on a fixed day ({@code lotflow.today}): a {@code CLOCK_SET} event of no lot in
     * the audit trail, sealed into its hash chain like every event, so an auditor sees that records of this run carry
     * the fixed day and not the real time (21 CFR 11.10(e); sig28 L3). Dated by the clock itself (after the trail's
     * latest record); {@code detail}: {@code {fixedDay, realTime (UTC, the system's clock when the clock was set),
     * clockStartedAt (the first time this node records), zone, allowedBy, node (host name), process (pid@host),
     * osUser (who started the process), movedOnBy (ISO-8601, how far the floor moved the clock)}}. Every node of a
     * cluster records its own. Written at every start on a fixed day; also logged as a warning.
     */
    void recordClockSet(ClockConfiguration.TrailClock clock, ClockConfiguration.FixedDay fixedDay, Duration moved) {
        java.util.Map<String, Object> detail = new java.util.LinkedHashMap<>();
        detail.put("fixedDay", fixedDay.day().toString());
        detail.put("realTime", fixedDay.realTime().toString());
        Instant at = clock.instant();
        detail.put("clockStartedAt", at.toString());
        detail.put("zone", clock.getZone().getId());
        detail.put("allowedBy", fixedDay.allowedBy());
        detail.put("node", hostName());
        detail.put("process", java.lang.management.ManagementFactory.getRuntimeMXBean().getName());
        detail.put("osUser", System.getProperty("user.name"));
        detail.put("movedOnBy", moved.toString());
        String json;
        try {
            json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(detail);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        org.lotflow.history.internal.chain.AuditMacKey key = macKey == null ? null : macKey.getIfAvailable();
        if (key == null) {
            log.warn("The clock runs on a fixed day, {}: not recorded (no record seal key in this context)",
                    fixedDay.day());
            return;
        }
        new LotEventRows(jdbc, key).insert(null, at, CLOCK_SET, org.lotflow.security.CurrentUser.SYSTEM, "lotflow", null,
                null, "lotflow started with its clock on a fixed day (lotflow.today=" + fixedDay.day() + ", allowed by "
                        + fixedDay.allowedBy() + "): records of this run are dated on that day, not at the real time ("
                        + fixedDay.realTime() + " when the clock was set)", json);
        log.warn("The clock runs on a fixed day, {} (lotflow.today, allowed by {}), not the real time ({}): recorded in"
                + " the audit trail as CLOCK_SET", fixedDay.day(), fixedDay.allowedBy(), fixedDay.realTime());
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
    }

    /**
     * On a demo day, the latest time of every trail kept on its clock: the lot history, the security audit trail and
     * (since the engine runs on the demo day's clock too) the engine's history of activities and task comments. A
     * restart on the same day goes on after all of them (re-test 2026-12-06 F4: after the last lot event only, a
     * security event and an attachment of the run before were dated after the ones recorded after the restart). Only on
     * a demo day: on the real clock nothing is recorded ahead of it, and the lot history alone guards a clock set back.
     */
    Instant latestOfEveryTrail() {
        Instant latest = latest();
        Instant security = securityEvents == null ? null : securityEvents.getObject().latestAt();
        if (security != null && (latest == null || security.isAfter(latest))) {
            latest = security;
        }
        for (String sql : new String[] {
                "SELECT MAX(START_TIME_) FROM ACT_HI_ACTINST", "SELECT MAX(END_TIME_) FROM ACT_HI_ACTINST",
                "SELECT MAX(TIME_) FROM ACT_HI_COMMENT"}) {
            java.sql.Timestamp at;
            try {
                at = jdbc.queryForObject(sql, java.sql.Timestamp.class);
            } catch (org.springframework.dao.DataAccessException e) {
                continue; // a table the engine has not made (yet): nothing recorded in it
            }
            if (at != null && (latest == null || at.toInstant().isAfter(latest))) {
                latest = at.toInstant();
            }
        }
        return latest;
    }

    /** The audit trail's latest time (of its last 1,000 events by id), or null when it is empty. */
    Instant latest() {
        OffsetDateTime at = jdbc.queryForObject("SELECT MAX(at) FROM (SELECT at FROM lot_event ORDER BY id DESC"
                + " FETCH FIRST 1000 ROWS ONLY) last_events", OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
