package org.lotflow.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The one clock of the application. {@code lotflow.today} (ISO date) fixes "today" for demos
 * and tests; time of day keeps running so events still get distinct, ordered timestamps.
 * {@code lotflow.zone} (an IANA zone id, UTC by default) is the plant's zone: "today" and the times
 * the Tasklist forms show are the plant's.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    Clock clock(@Value("${lotflow.today:}") String today, @Value("${lotflow.zone:UTC}") String zone) {
        ZoneId zoneId = ZoneId.of(zone);
        org.lotflow.shared.process.TaskForm.usePlantZone(zoneId);
        Clock system = Clock.system(zoneId);
        if (!StringUtils.hasText(today)) {
            return system;
        }
        LocalDate fixed = LocalDate.parse(today.trim());
        return new FixedDayClock(fixed, zoneId);
    }

    /** A clock whose date is fixed and whose time of day follows the system clock. */
    static final class FixedDayClock extends Clock {
        private final LocalDate day;
        private final ZoneId zone;

        FixedDayClock(LocalDate day, ZoneId zone) {
            this.day = day;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new FixedDayClock(day, zone);
        }

        @Override
        public java.time.Instant instant() {
            java.time.LocalTime now = java.time.LocalTime.now(Clock.system(zone));
            return day.atTime(now).atZone(zone).toInstant();
        }

        @Override
        public String toString() {
            return "FixedDayClock[" + day + "," + zone + "]";
        }
    }

}
