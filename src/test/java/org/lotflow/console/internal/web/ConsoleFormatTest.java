package org.lotflow.console.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** {@link ConsoleFormat#duration}: ISO durations as a person reads them. */
class ConsoleFormatTest {

    private final ConsoleFormat format = new ConsoleFormat(Clock.system(ZoneId.of("UTC")));

    @Test
    void durationsReadAsHoursMinutesAndDays() {
        assertThat(format.duration("PT48H")).isEqualTo("48 hours");
        assertThat(format.duration("PT1H")).isEqualTo("1 hour");
        assertThat(format.duration("PT90M")).isEqualTo("1 hour 30 minutes");
        assertThat(format.duration("PT45M")).isEqualTo("45 minutes");
        assertThat(format.duration("P2D")).isEqualTo("48 hours");
        assertThat(format.duration("P1M")).isEqualTo("P1M");
        assertThat(format.duration("soon")).isEqualTo("soon");
        assertThat(format.duration(null)).isEmpty();
    }
}
