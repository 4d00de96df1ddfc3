package org.lotflow.lot.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotflow.shared.InvalidInput;

/**
 * A supplier delivery's rules on their own (the seed: "Separate by expiration - Create different lots for
 * different dates ... Never mix different expiration dates in the same lot").
 */
class ReceiptRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 1, 28);
    private static final LocalDate RECEIVED = LocalDate.of(2025, 1, 27);

    private static ReceiptRules.Line line(String expires, String made) {
        return new ReceiptRules.Line(LocalDate.parse(expires), made == null ? null : LocalDate.parse(made));
    }

    private static InvalidInput refused(LocalDate received, List<ReceiptRules.Line> lines) {
        return catchThrowableOfType(InvalidInput.class, () -> ReceiptRules.check(received, lines, TODAY));
    }

    @Test
    void aLinePerExpirationDateIsReceived() {
        assertThatCode(() -> ReceiptRules.check(RECEIVED, List.of(line("2026-07-31", null),
                line("2027-01-15", "2025-01-10"), line("2026-08-01", "2025-01-27")), TODAY)).doesNotThrowAnyException();
        assertThatCode(() -> ReceiptRules.check(TODAY, List.of(line("2025-01-29", null)), TODAY))
                .doesNotThrowAnyException();
    }

    @Test
    void twoLinesWithOneExpirationDateAreRefusedNamingTheSecond() {
        InvalidInput same = refused(RECEIVED, List.of(line("2026-07-31", null), line("2026-08-31", null),
                line("2026-07-31", "2025-01-02")));
        assertThat(same.field()).isEqualTo("lines[2].expirationDate");
        assertThat(same.getMessage()).contains("is the same as the 1st line's (2026-07-31)").contains("one expiration date");
    }

    @Test
    void datesOutOfOrderAreRefused() {
        assertThat(refused(TODAY.plusDays(1), List.of(line("2026-07-31", null))).field()).isEqualTo("receiptDate");
        assertThat(refused(RECEIVED, List.of(line("2026-07-31", null), line("2026-08-31", "2025-01-28"))).field())
                .isEqualTo("lines[1].manufactureDate");
        assertThat(refused(RECEIVED, List.of(line("2025-01-27", null))).field()).isEqualTo("lines[0].expirationDate");
        assertThat(refused(RECEIVED, List.of(line("2025-01-20", "2025-01-10"))).field())
                .isEqualTo("lines[0].expirationDate");
        // past the longest shelf life a product may have: the lot's records would outlive the history kept of its
        // processes (auditor 2026-12-06: 2150-01-01 was received)
        InvalidInput far = refused(RECEIVED, List.of(line("2150-01-01", null)));
        assertThat(far.field()).isEqualTo("lines[0].expirationDate");
        assertThat(far.getMessage()).contains("more than 50 years after the receipt date 2025-01-27");
        assertThatCode(() -> ReceiptRules.check(RECEIVED, List.of(line("2075-01-27", null)), TODAY))
                .doesNotThrowAnyException();
    }

    @Test
    void aManufactureDateMoreThanTheLongestShelfLifeBeforeTheExpiryIsRefused() {
        // auditor finding: made 1900-01-01, expiring 2025-01-29, was received and numbered AUDMT-1900-001
        InvalidInput old = refused(LocalDate.of(2025, 1, 20), List.of(line("2026-07-31", null),
                line("2025-01-29", "1900-01-01")));
        assertThat(old.field()).isEqualTo("lines[1].manufactureDate");
        assertThat(old.getMessage()).isEqualTo("lines[1].manufactureDate: is more than 50 years before the"
                + " expiration date 2025-01-29 (1900-01-01): no product lotflow keeps has a shelf life that long (at"
                + " most 600 months), and the lot number would carry the year 1900; check the date on the supplier's"
                + " label");
        assertThat(refused(RECEIVED, List.of(line("2026-07-31", "1976-07-30"))).field())
                .isEqualTo("lines[0].manufactureDate");
        assertThatCode(() -> ReceiptRules.check(RECEIVED, List.of(line("2026-07-31", "1976-07-31")), TODAY))
                .as("exactly 600 months").doesNotThrowAnyException();
    }

    @Test
    void aLineWithoutManufactureDateIsMadeOnItsReceiptDate() {
        assertThat(ReceiptRules.manufactureDate(line("2026-07-31", null), RECEIVED)).isEqualTo(RECEIVED);
        assertThat(ReceiptRules.manufactureDate(line("2026-07-31", "2025-01-02"), RECEIVED))
                .isEqualTo(LocalDate.of(2025, 1, 2));
    }

    /** New user 2026-12-07 25b F1: a 24-month product made 1977-01-10 and expiring 2027-01-10 was received. */
    @Test
    void aManufactureDateTwiceTheProductsShelfLifeBeforeTheExpiryIsRefused() {
        InvalidInput slip = catchThrowableOfType(InvalidInput.class, () -> ReceiptRules.checkShelfLife(List.of(
                line("2027-01-10", "2025-01-10"), line("2027-01-10", "1977-01-10")), "BULK-OIL", 24, RECEIVED));
        assertThat(slip.field()).isEqualTo("lines[1].manufactureDate");
        assertThat(slip.getMessage()).isEqualTo("lines[1].manufactureDate: 1977-01-10 is 600 months before the"
                + " expiration date 2027-01-10, and BULK-OIL keeps 24 months: a supplier's expiry may run past that,"
                + " not to twice it; check both dates on the supplier's label (the year of one of them, most likely)");
        assertThatCode(() -> ReceiptRules.checkShelfLife(List.of(line("2027-01-10", "2023-01-10"),
                line("2027-01-10", null)), "BULK-OIL", 24, RECEIVED)).as("exactly twice, or no date within twice the"
                        + " shelf life of the receipt").doesNotThrowAnyException();
    }

    /** Audit 29 F8: with no manufacture date, a 24-month oil was received expiring 2070-01-01. */
    @Test
    void withoutAManufactureDateTheExpiryMayRunAtMostTwiceTheShelfLifePastTheReceipt() {
        LocalDate received = LocalDate.of(2025, 1, 28);
        InvalidInput slip = catchThrowableOfType(InvalidInput.class, () -> ReceiptRules.checkShelfLife(List.of(
                line("2027-01-10", null), line("2070-01-01", null)), "IL-250-55GAL", 24, received));
        assertThat(slip.field()).isEqualTo("lines[1].expirationDate");
        assertThat(slip.getMessage()).isEqualTo("lines[1].expirationDate: 2070-01-01 is 539 months after the receipt"
                + " date 2025-01-28, and IL-250-55GAL keeps 24 months: goods received that day expire at the latest"
                + " 2029-01-28 (twice the shelf life); check the year on the supplier's label, or give the manufacture"
                + " date it states");
        assertThatCode(() -> ReceiptRules.checkShelfLife(List.of(line("2029-01-28", null)), "IL-250-55GAL", 24,
                received)).as("exactly twice").doesNotThrowAnyException();
    }
}
