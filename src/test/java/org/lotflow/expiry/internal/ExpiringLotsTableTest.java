package org.lotflow.expiry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotflow.expiry.ExpiringLot;

/** The review form's table of expiring lots. */
class ExpiringLotsTableTest {

    @Test
    void noLotsIsASentenceNamingTheWindow() {
        assertThat(ExpiringLotsTable.of(List.of(), 90)).isEqualTo("No lots expire within 90 days.");
    }

    @Test
    void eachLotIsARowWithQuantitiesWithoutTrailingZeros() {
        ExpiringLot lot = new ExpiringLot("IL250-2024-089", "IL-250-55GAL", "RELEASED", LocalDate.of(2025, 3, 20),
                19, new BigDecimal("0.6"), new BigDecimal("500.000"), new BigDecimal("285.500"),
                new BigDecimal("150.000"), new BigDecimal("64.5"), BigDecimal.ZERO, BigDecimal.ZERO,
                new BigDecimal("435.500"), "gal", "A-1");
        assertThat(ExpiringLotsTable.of(List.of(lot), 90)).isEqualTo(
                "| Lot | SKU | Status | Expires | Days left | Available | Allocated |\n"
                        + "|---|---|---|---|---|---|---|\n"
                        + "| IL250-2024-089 | IL-250-55GAL | RELEASED | 2025-03-20 | 19 | 285.5 gal | 150 |\n");
    }

    @Test
    void aLongWindowListsItsFirstLotsAndSaysHowManyMoreThereAre() {
        ExpiringLot lot = ExpiringLot.of("IL250-2024-089", "IL-250-55GAL", "RELEASED", java.time.LocalDate.of(2025, 3, 1),
                32, new java.math.BigDecimal("1.1"), new org.lotflow.lot.LotQuantities(new java.math.BigDecimal("500"),
                        java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO,
                        java.math.BigDecimal.ZERO), "drums", "A");
        String text = ExpiringLotsTable.of(new org.lotflow.expiry.ExpiryQueries.Head(List.of(lot), 150_000), 90);
        assertThat(text).contains("IL250-2024-089").endsWith("... and 149999 more lots (150000 in all): the whole list,"
                + " page by page, is GET /api/reports/expiring?days=90.\n");
        assertThat(ExpiringLotsTable.of(new org.lotflow.expiry.ExpiryQueries.Head(List.of(lot), 1), 90))
                .doesNotContain("more lots");
    }
}
