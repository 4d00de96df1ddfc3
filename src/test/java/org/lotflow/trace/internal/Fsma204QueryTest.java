package org.lotflow.trace.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.lotflow.shared.InvalidInput;

/** The FSMA 204 export's query rules on their own: a lot, a date range, or both; refusals name the parameter. */
class Fsma204QueryTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 1, 28);

    private static Fsma204Query of(String lot, String from, String to) {
        return Fsma204Query.of(lot, from, to, TODAY);
    }

    private static String refused(String lot, String from, String to) {
        return catchThrowableOfType(InvalidInput.class, () -> of(lot, from, to)).field();
    }

    @Test
    void aLotADateRangeOrBoth() {
        assertThat(of(" RM-2025-015 ", null, "")).isEqualTo(new Fsma204Query("RM-2025-015", null, null));
        Fsma204Query range = of(null, "2025-01-01", "2025-01-31");
        assertThat(range).isEqualTo(new Fsma204Query(null, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31)));
        assertThat(of("", "2025-01-01", null).to()).as("a range without a lot ends today").isEqualTo(TODAY);
        Fsma204Query lotUntil = of("RM-1", null, "2025-01-31");
        assertThat(lotUntil.fromOrOpen()).isEqualTo(Fsma204Query.OPEN_FROM);
        assertThat(of("RM-1", "2025-01-01", null).toOrOpen()).isEqualTo(Fsma204Query.OPEN_TO);
        assertThat(of(null, "2025-01-05", "2025-01-05").to()).isEqualTo(LocalDate.of(2025, 1, 5));
        assertThat(of(null, "2024-01-28", "2025-01-27").from()).as("366 days").isEqualTo(LocalDate.of(2024, 1, 28));
    }

    @Test
    void badQueriesNameTheirParameter() {
        assertThat(refused(null, null, null)).isEqualTo("lot");
        assertThat(refused(" ", "", " ")).isEqualTo("lot");
        assertThat(refused("L".repeat(65), null, null)).isEqualTo("lot");
        assertThat(refused(null, "2025-13-01", null)).isEqualTo("from");
        assertThat(refused(null, "yesterday", null)).isEqualTo("from");
        assertThat(refused(null, "2025-01-01", "2025-02-30")).isEqualTo("to");
        assertThat(refused("RM-1", "2025-02-01", "2025-01-31")).isEqualTo("to");
        assertThat(refused("RM-1", "1899-12-31", null)).isEqualTo("from");
        assertThat(refused(null, null, "2025-01-31")).as("a range needs its first day").isEqualTo("from");
        assertThat(refused(null, "2024-01-27", "2025-01-27")).as("367 days").isEqualTo("to");
        assertThat(refused(null, "2020-01-01", null)).isEqualTo("to");
    }
}
