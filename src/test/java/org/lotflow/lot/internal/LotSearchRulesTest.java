package org.lotflow.lot.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.lotflow.lot.LotStatus;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.RefusalStatus;

/** The lot list's paging cursor and filter rules without Spring or a database. */
class LotSearchRulesTest {

    static final LocalDate TODAY = LocalDate.of(2025, 3, 1);

    @Test
    void aCursorSurvivesTheRoundTripAsOpaqueUrlSafeText() {
        LotCursor cursor = new LotCursor(LocalDate.of(2027, 1, 8), LocalDate.of(2025, 1, 8), "IL250-2025-001|x");
        String text = cursor.encode();
        assertThat(text).matches("[A-Za-z0-9_-]+");
        assertThat(LotCursor.decode(text)).isEqualTo(cursor);
        assertThat(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8))
                .isEqualTo("2027-01-08|2025-01-08|IL250-2025-001|x");
    }

    @Test
    void aCursorThisApiDidNotHandOutIs400() {
        for (String bad : new String[] {"not base64!", encode("2027-01-08|2025-01-08"), encode("tomorrow|2025-01-08|L"),
                encode("")}) {
            InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> LotCursor.decode(bad));
            assertThat(refused).as(bad).isNotNull();
            assertThat(RefusalStatus.of(refused)).isEqualTo(400);
            assertThat(refused.properties()).containsEntry("field", "cursor");
        }
    }

    @Test
    void theFilterNormalisesWhatTheRequestLeavesOpen() {
        LotFilter all = LotFilter.of(" ", null, null, 50, "", TODAY);
        assertThat(all).isEqualTo(new LotFilter(null, null, null, null, 50, null));
        LotCursor after = new LotCursor(TODAY, TODAY.minusYears(1), "L-1");
        LotFilter some = LotFilter.of("IL-250", LotStatus.RELEASED, 30, 1, after.encode(), TODAY);
        assertThat(some).isEqualTo(new LotFilter("IL-250", LotStatus.RELEASED, LocalDate.of(2025, 3, 31), null, 1, after));
        assertThat(LotFilter.of(null, null, 0, LotFilter.MAX_PAGE_SIZE, null, TODAY).expiringBy()).isEqualTo(TODAY);
    }

    @Test
    void pageSizeAndDaysOutsideTheirRangeAre400() {
        assertRefused(() -> LotFilter.of(null, null, null, 0, null, TODAY), "size");
        assertRefused(() -> LotFilter.of(null, null, null, LotFilter.MAX_PAGE_SIZE + 1, null, TODAY), "size");
        assertRefused(() -> LotFilter.of(null, null, -1, 50, null, TODAY), "expiringWithinDays");
        assertRefused(() -> LotFilter.of(null, null, null, 50, "%%%", TODAY), "cursor");
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(Runnable call, String field) {
        InvalidInput refused = catchThrowableOfType(InvalidInput.class, call::run);
        assertThat(refused).as(field).isNotNull();
        assertThat(RefusalStatus.of(refused)).isEqualTo(400);
        assertThat(refused.properties()).containsEntry("field", field);
    }
}
