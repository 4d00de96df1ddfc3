package org.lotflow.shared.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotflow.shared.InvalidInput;

/** Paging newest first by the primary key; without Spring. */
class IdCursorTest {

    @Test
    void theFirstPageStartsAtTheTopAndACursorBelowItsId() {
        assertThat(IdCursor.before(null)).isEqualTo(Long.MAX_VALUE);
        assertThat(IdCursor.before("  ")).isEqualTo(Long.MAX_VALUE);
        assertThat(IdCursor.before(" 42 ")).isEqualTo(42);
        // the digits 0-9 only (auditor 2026-12-07 24b F5: Arabic-Indic and full-width digits and a sign paged)
        for (String bad : List.of("abc", "0", "-5", "1e3", "99999999999999999999", "\u0669\u0669", "\uff19\uff19", "+9999")) {
            assertThatThrownBy(() -> IdCursor.before(bad)).as(bad).isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("is not a cursor of this list");
        }
    }

    @Test
    void aPageHasOneToMaxRowsAndTheNextCursorIsItsLastRowsId() {
        assertThatThrownBy(() -> IdCursor.requireSize(0, 500)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> IdCursor.requireSize(501, 500)).isInstanceOf(InvalidInput.class);
        IdCursor.requireSize(500, 500);
        assertThat(IdCursor.next(List.of(9L, 7L, 5L), 2, Long::longValue)).isEqualTo("7");
        assertThat(IdCursor.next(List.of(9L, 7L), 2, Long::longValue)).isNull();
    }
}
