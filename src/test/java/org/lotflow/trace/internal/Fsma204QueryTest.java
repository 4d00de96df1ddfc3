package org.lotflow.trace.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.lotflow.shared.InvalidInput;

/** The FSMA 204 export's query rules on their own: a lot, a date range, or both; refusals name the parameter. */
class Fsma204QueryTest {

    private static String refused(String lot, String from, String to) {
        return catchThrowableOfType(InvalidInput.class, () -> Fsma204Query.of(lot, from, to)).field();
    }

    @Test
    void aLotADateRangeOrBoth() {
        assertThat(Fsma204Query.of(" RM-2025-015 ", null, "")).isEqualTo(new Fsma204Query("RM-2025-015", null, null));
        Fsma204Query range = Fsma204Query.of(null, "2025-01-01", "2025-01-31");
        assertThat(range).isEqualTo(new Fsma204Query(null, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31)));
        Fsma204Query open = Fsma204Query.of("", "2025-01-01", null);
        assertThat(open.fromOrOpen()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(open.toOrOpen()).isEqualTo(Fsma204Query.OPEN_TO);
        assertThat(Fsma204Query.of(null, null, "2025-01-31").fromOrOpen()).isEqualTo(Fsma204Query.OPEN_FROM);
        assertThat(Fsma204Query.of(null, "2025-01-05", "2025-01-05").to()).isEqualTo(LocalDate.of(2025, 1, 5));
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
        assertThat(refused(null, "1899-12-31", null)).isEqualTo("from");
    }
}
