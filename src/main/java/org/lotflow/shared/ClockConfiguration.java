package org.lotflow.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The one clock of the application. {@code lotflow.today} (ISO date) is the day the clock starts on, for
 * demos and tests: it starts at {@value #DEMO_DAY_START} that day in the plant's zone, then runs like the system clock
 * (past midnight into the next day, 15 hours later), so events always get distinct, ordered timestamps.
 * {@code lotflow.zone} (an IANA zone id, UTC by default) is the plant's zone: "today" and the times
 * the Tasklist forms show are the plant's.
 *
 * <p>The clock ticks in whole microseconds ({@link #recorded}): the finest time both databases keep. With the system
 * clock's nanoseconds an answer said {@code "createdAt":"...07.990780101Z"} while the record kept, and every later
 * read said, {@code ...07.990780Z}: two times for one event.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    /**
     * When a demo day starts: the morning, whatever the real time of day (new user 2026-12-06 W19: started at the real
     * time of day, a demo begun at 23:52 UTC moved to the next day 8 minutes later, and a test that put events at
     * 00:30 of the day failed when run between midnight and 00:30).
     */
    static final String DEMO_DAY_START = "09:00";

    /** The setting that lets a fixed day ({@code lotflow.today}) run on a database without demo data. */
    public static final String ALLOW_FIXED_DAY = "lotflow.clock.allow-fixed-day";

    @Bean
    Clock clock(@Value("${lotflow.today:}") String today, @Value("${lotflow.zone:UTC}") String zone,
            @Value("${lotflow.demo-data:false}") boolean demoData,
            @Value("${" + ALLOW_FIXED_DAY + ":false}") boolean allowFixedDay) {
        ZoneId zoneId = ZoneId.of(zone);
        org.lotflow.shared.process.TaskForm.usePlantZone(zoneId);
        Clock system = Clock.system(zoneId);
        if (!StringUtils.hasText(today)) {
            return new TrailClock(recorded(system), false);
        }
        String refusal = fixedDayRefusal(today, demoData, allowFixedDay);
        if (refusal != null) {
            throw new FixedDayRefused(refusal);
        }
        LocalDate fixed = LocalDate.parse(today.trim());
        TrailClock demo = new TrailClock(recorded(new FixedDayClock(fixed, zoneId)), true,
                new FixedDay(fixed, Clock.systemUTC().instant(), demoData ? "demo data (lotflow.demo-data=true)"
                        : ALLOW_FIXED_DAY + "=true"));
        demo.engineFollows();
        return demo;
    }

    /**
     * Why lotflow must not start with {@code lotflow.today} set, or null when it may (a rule without Spring). A fixed day
     * dates every record on that day instead of the real time: on a plant's records (no demo data) an administrator
     * could set the clock back and make records look older than they are (21 CFR 11.10(e), computer-generated time
     * stamps; EU GMP Annex 11 §9; sig28 L3). So a fixed day runs only with demo data ({@code lotflow.demo-data=true},
     * {@code LOTFLOW_DEMO_DATA=true}: a demo or test database), or when the plant says so explicitly with
     * {@value #ALLOW_FIXED_DAY}{@code =true} (a validation run, a training database); either way every start on a fixed
     * day is recorded in the audit trail ({@code CLOCK_SET}). On every profile: the embedded database is a plant's
     * database too once its demo data is off.
     *
     * @param today         the {@code lotflow.today} setting (blank: the real clock, always allowed)
     * @param demoData      {@code lotflow.demo-data}
     * @param allowFixedDay {@value #ALLOW_FIXED_DAY}
     */
    public static String fixedDayRefusal(String today, boolean demoData, boolean allowFixedDay) {
        if (!StringUtils.hasText(today) || demoData || allowFixedDay) {
            return null;
        }
        return "lotflow.today (LOTFLOW_TODAY) is set to " + today.trim() + " and this installation has no demo data"
                + " (lotflow.demo-data / LOTFLOW_DEMO_DATA is false): lotflow would date every record on "
                + today.trim() + " instead of the real date and time, so records could be made to look older or"
                + " younger than they are (21 CFR 11.10(e), EU GMP Annex 11 §9). So lotflow does not start.";
    }

    /** What to do about a {@link #fixedDayRefusal}, as the start-up report prints it. */
    public static final String FIXED_DAY_ACTION = "Remove lotflow.today (or LOTFLOW_TODAY) to run on the real clock, as"
            + " a plant's records must. For a demonstration start with demo data (LOTFLOW_DEMO_DATA=true). Only for a"
            + " database whose records are not a plant's (a validation run, training) set " + ALLOW_FIXED_DAY
            + "=true (LOTFLOW_CLOCK_ALLOW_FIXED_DAY=true): every start on a fixed day is then recorded in the audit"
            + " trail as CLOCK_SET. See the README, section \"Configuration\".";

    /** A start refused by {@link #fixedDayRefusal}; reported without a stack trace by {@link FixedDayFailureAnalyzer}. */
    public static final class FixedDayRefused extends IllegalStateException {
        FixedDayRefused(String message) {
            super(message);
        }
    }

    /**
     * A fixed day in force: the day ({@code lotflow.today}), the real time (UTC, the system's clock) when lotflow's clock
     * was set to it, and what allowed it ({@link #fixedDayRefusal}); recorded as {@code CLOCK_SET} in the audit trail at
     * start-up (the history module's {@code TrailClockFloor}).
     */
    public record FixedDay(LocalDate day, java.time.Instant realTime, String allowedBy) {
    }

    /**
     * lotflow's clock: the system's or the demo day's ({@link FixedDayClock}), in whole microseconds, that never dates
     * a record before one the audit trail already holds (21 CFR 11.10(e): time-stamped audit trails in the order
     * things happened). At start-up the history module tells it the audit trail's latest time ({@link #notBefore});
     * a demo day's clock behind it (a restart with an earlier {@code lotflow.today}) is moved on once to just after it
     * and then runs at the real rate; the real clock is moved on by at most a few minutes (a clock corrected back),
     * and a real clock further behind refuses the start: the trail holds records from a demo day later than today,
     * or the clock is wrong, and no record may be dated wrongly either way. Auditor 2026-12-05 F18: restarted with an earlier demo day,
     * a release approval was dated before the lab results it approved.
     */
    public static final class TrailClock extends Clock {
        private final Clock base;
        private final boolean demoDay;
        private final java.util.concurrent.atomic.AtomicReference<java.time.Duration> ahead;

        private final FixedDay fixedDay;

        /** @param demoDay whether {@code base} runs on a demo day ({@code lotflow.today}) rather than the real time */
        public TrailClock(Clock base, boolean demoDay) {
            this(base, demoDay, null);
        }

        /** @param fixedDay the fixed day in force (the application's clock), recorded at start-up; null: none */
        TrailClock(Clock base, boolean demoDay, FixedDay fixedDay) {
            this(base, demoDay, new java.util.concurrent.atomic.AtomicReference<>(java.time.Duration.ZERO), fixedDay);
        }

        private TrailClock(Clock base, boolean demoDay,
                java.util.concurrent.atomic.AtomicReference<java.time.Duration> ahead, FixedDay fixedDay) {
            this.base = base;
            this.demoDay = demoDay;
            this.ahead = ahead;
            this.fixedDay = fixedDay;
        }

        /**
         * The fixed day set by {@code lotflow.today} on the application's clock, to be recorded as {@code CLOCK_SET};
         * null on the real clock and on a clock a test made itself.
         */
        public FixedDay fixedDay() {
            return fixedDay;
        }

        /** Whether the clock runs on a demo day ({@code lotflow.today}) rather than the real time. */
        public boolean demoDay() {
            return demoDay;
        }

        /**
         * Moves the clock on, if it is not after {@code latest}, to one microsecond after it; answers how far it
         * was moved (zero when it already was after). Never moves it back.
         */
        public java.time.Duration notBefore(java.time.Instant latest) {
            java.time.Instant now = instant();
            if (latest == null || now.isAfter(latest)) {
                return java.time.Duration.ZERO;
            }
            java.time.Duration gap = java.time.Duration.between(now, latest).plusNanos(1_000);
            ahead.accumulateAndGet(gap, java.time.Duration::plus);
            if (engineFollows) {
                engineFollows();
            }
            return gap;
        }

        /**
         * Sets the engine's clock to this demo day's ({@code ClockUtil.offset}): its timers, task due dates, job due
         * dates and history then run on the same day as lotflow's records. Without it a hold placed "28 Jan 2025"
         * showed its decision "due 13 Dec 2026" and a recall customer's deadline was 2025 on the Console and 2026 in
         * Tasklist, whose timers followed the real clock (new user 2026-12-06 D2, earlier N8, W4). Only on a demo
         * day: production's engine and lotflow both run on the real clock. The offset is the engine's one setting for
         * the whole JVM (two applications in one JVM, as in the tests, share it).
         */
        void engineFollows() {
            engineFollows = true;
            org.camunda.bpm.engine.impl.util.ClockUtil.offset(instant().toEpochMilli() - System.currentTimeMillis());
        }

        /** Whether the engine's clock follows this one: the application's clock only, never a test's own instance. */
        private volatile boolean engineFollows;

        @Override
        public ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new TrailClock(base.withZone(zone), demoDay, ahead, fixedDay);
        }

        @Override
        public java.time.Instant instant() {
            return base.instant().plus(ahead.get());
        }

        @Override
        public String toString() {
            return "TrailClock[" + base + ", moved on by " + ahead.get() + "]";
        }
    }

    /** {@code clock}, its instants cut to whole microseconds (what PostgreSQL's and H2's timestamps keep). */
    static Clock recorded(Clock clock) {
        return Clock.tick(clock, java.time.Duration.ofNanos(1_000));
    }

    /**
     * A clock that starts on a given day at {@value #DEMO_DAY_START} (in the system clock's zone) and then runs with the
     * system clock. (It used to keep the day fixed and take the real time of day: after midnight its instants went
     * back by a day, and a lot's history listed 00:01 after 23:57 of the same day; audit finding, 2026-12-05.)
     */
    static final class FixedDayClock extends Clock {
        private final Clock system;
        private final java.time.Duration shift;

        FixedDayClock(LocalDate day, ZoneId zone) {
            this(Clock.system(zone), day);
        }

        FixedDayClock(Clock system, LocalDate day) {
            this(system, java.time.Duration.between(system.instant(), day.atTime(java.time.LocalTime.parse(
                    DEMO_DAY_START)).atZone(system.getZone()).toInstant()));
        }

        private FixedDayClock(Clock system, java.time.Duration shift) {
            this.system = system;
            this.shift = shift;
        }

        @Override
        public ZoneId getZone() {
            return system.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new FixedDayClock(system.withZone(zone), shift);
        }

        @Override
        public java.time.Instant instant() {
            return system.instant().plus(shift);
        }

        @Override
        public String toString() {
            return "FixedDayClock[" + shift + " from " + system + "]";
        }
    }

}
