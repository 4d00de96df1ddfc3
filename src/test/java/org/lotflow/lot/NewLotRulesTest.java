package org.lotflow.lot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotflow.lot.internal.NewLotRules;
import org.lotflow.shared.Refusal;
import org.lotflow.shared.RefusalStatus;

/**
 * The rules of a new lot without Spring: dates, source lots listed once, only released unexpired sources, a repacked
 * lot's sources and expiration date.
 */
class NewLotRulesTest {

    static final LocalDate TODAY = LocalDate.of(2025, 3, 1);
    static final LocalDate MADE = LocalDate.of(2025, 1, 8);

    static Lot lot(LotStatus status, LocalDate expires) {
        Lot lot = new Lot("RM-1", null, BigDecimal.TEN, MADE, null, expires, null, null, LotSource.PRODUCTION,
                Instant.EPOCH, "mike");
        if (status != LotStatus.PENDING) {
            lot.transitionTo(status);
        }
        return lot;
    }

    @Test
    void theExpirationIsGivenOrFollowsFromTheShelfLife() {
        assertThat(NewLotRules.expiration(MADE, null, null, 24, TODAY, false)).isEqualTo(LocalDate.of(2027, 1, 8));
        assertThat(NewLotRules.expiration(MADE, MADE, LocalDate.of(2025, 6, 30), 24, TODAY, false))
                .isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(NewLotRules.expiration(TODAY, null, null, 1, TODAY, false)).isEqualTo(LocalDate.of(2025, 4, 1));
    }

    @Test
    void impossibleDatesAre400NamingTheField() {
        assertRefused(() -> NewLotRules.expiration(MADE, null, MADE, 24, TODAY, false), 400, "expirationDate");
        // auditor 2026-12-05 F9: not beyond the product's shelf life (2199 was kept)
        assertRefused(() -> NewLotRules.expiration(MADE, null, LocalDate.of(2199, 12, 31), 24, TODAY, false), 400,
                "expirationDate");
        assertThat(NewLotRules.expiration(MADE, null, MADE.plusMonths(24), 24, TODAY, false)).isEqualTo(MADE.plusMonths(24));
        // a received lot keeps its supplier's date (its manufacture date is often only the receipt date)
        assertThat(NewLotRules.expiration(MADE, MADE, MADE.plusMonths(25), 24, TODAY, true)).isEqualTo(MADE.plusMonths(25));
        assertRefused(() -> NewLotRules.expiration(MADE, MADE.minusDays(1), null, 24, TODAY, false), 400, "receiptDate");
        assertRefused(() -> NewLotRules.expiration(TODAY.plusDays(1), null, null, 24, TODAY, false), 400, "manufactureDate");
    }

    @Test
    void aLotExpiredByTodayIsNotTakenIntoStock() {
        // new user 2026-12-06 F18: a batch record entered after its lot expired was created PENDING, waiting for release
        assertRefused(() -> NewLotRules.expiration(MADE, null, TODAY, 24, TODAY, false), 400, "expirationDate");
        assertRefused(() -> NewLotRules.expiration(TODAY.minusMonths(2), null, null, 1, TODAY, false), 400,
                "expirationDate");
        assertThat(NewLotRules.expiration(MADE, null, TODAY.plusDays(1), 24, TODAY, false)).isEqualTo(TODAY.plusDays(1));
    }

    @Test
    void aSourceLotListedTwiceIs400NamingTheSecondMention() {
        NewLotRules.requireDistinct(List.of("A", "B"));
        assertRefused(() -> NewLotRules.requireDistinct(List.of("A", "B", "A")), 400, "sourceLots[2].lotNumber");
    }

    @Test
    void onlyAReleasedUnexpiredSourceLotIsConsumed() {
        Lot released = lot(LotStatus.RELEASED, TODAY.plusDays(1));
        assertThat(NewLotRules.requireConsumable(0, "RM-1", released, TODAY)).isSameAs(released);
        assertRefused(() -> NewLotRules.requireConsumable(1, "RM-9", null, TODAY), 400, "sourceLots[1].lotNumber");
        Refusal pending = assertRefused(() -> NewLotRules.requireConsumable(0, "RM-1",
                lot(LotStatus.PENDING, TODAY.plusDays(1)), TODAY), 409, null);
        assertThat(pending.getMessage()).contains("is PENDING;");
        Refusal expired = assertRefused(() -> NewLotRules.requireConsumable(0, "RM-1",
                lot(LotStatus.RELEASED, TODAY.minusDays(1)), TODAY), 409, null);
        assertThat(expired.getMessage()).contains("RELEASED and expired");
        assertThat(expired.properties()).containsEntry("lotNumber", "RM-1");
        // OOS material released on a concession is not blended into a new, ordinary batch (auditor 2026-12-06 F11)
        Lot concession = lot(LotStatus.RELEASED, TODAY.plusDays(1));
        concession.releasedOnConcession(true);
        Refusal blended = assertRefused(() -> NewLotRules.requireConsumable(0, "RM-1", concession, TODAY), 409, null);
        assertThat(blended.getMessage()).contains("released on a concession", "not consumed into a new batch");
    }

    @Test
    void onlyAReceivedLotHasASupplierAndEveryReceivedLotHasOne() {
        NewLotRules.requireReceiptOnlyForReceived(LotSource.RECEIPT, true);
        NewLotRules.requireReceiptOnlyForReceived(LotSource.PRODUCTION, false);
        assertRefused(() -> NewLotRules.requireReceiptOnlyForReceived(LotSource.RECEIPT, false), 400, "source");
        assertRefused(() -> NewLotRules.requireReceiptOnlyForReceived(LotSource.PRODUCTION, true), 400, "source");
    }

    @Test
    void aRepackagedLotIsRepackedFromSourceLotsAndOnlyItNeedsThem() {
        // mass test 27 M1: a REPACKAGING lot was created from nothing, counting the same goods twice
        Refusal none = assertRefused(() -> NewLotRules.requireSourcesOfRepacked(LotSource.REPACKAGING, 0), 400,
                "sourceLots");
        assertThat(none.getMessage()).contains("a repackaged lot is made from stock already on hand",
                "list the lot or lots it was repacked from in sourceLots");
        NewLotRules.requireSourcesOfRepacked(LotSource.REPACKAGING, 1);
        // a lot made here may have no traced inputs (ingredients not tracked), unidentified stock has none known
        NewLotRules.requireSourcesOfRepacked(LotSource.PRODUCTION, 0);
        NewLotRules.requireSourcesOfRepacked(LotSource.UNIDENTIFIED_STOCK, 0);
    }

    static Lot source(String lotNumber, LocalDate expires) {
        return new Lot(lotNumber, null, BigDecimal.TEN, MADE, null, expires, null, null, LotSource.PRODUCTION,
                Instant.EPOCH, "mike");
    }

    @Test
    void repackingDoesNotRenewShelfLife() {
        // mass test 27 M1: bulk expiring 2025-02-20 repacked on 2025-02-03 came out expiring 2027-02-03
        List<Lot> sources = List.of(source("AKG-1", LocalDate.of(2025, 6, 1)), source("AKG-2", LocalDate.of(2025, 2, 20)),
                source("AKG-3", LocalDate.of(2025, 2, 20)));
        NewLotRules.RepackedExpiration cut = NewLotRules.repackedExpiration(LocalDate.of(2027, 2, 3), false, sources);
        assertThat(cut.date()).isEqualTo(LocalDate.of(2025, 2, 20));
        assertThat(cut.limitedBy()).isEqualTo("AKG-2"); // the first listed of the earliest
        assertThat(cut.reason()).isEqualTo("Expires 2025-02-20 as source lot AKG-2, the earliest expiring of the lots"
                + " it was repacked from: repacking does not renew shelf life (the manufacture date plus the product's"
                + " shelf life would have given 2027-02-03)");

        // a date stated later than the earliest source's is refused, naming the source; the same or earlier is kept
        Refusal later = assertRefused(() -> NewLotRules.repackedExpiration(LocalDate.of(2025, 2, 21), true, sources),
                400, "expirationDate");
        assertThat(later.getMessage()).isEqualTo("expirationDate: 2025-02-21 is later than 2025-02-20, the expiration date of source"
                + " lot AKG-2 (sourceLots[1]): repacking does not renew shelf life, so a repacked lot expires no later"
                + " than the earliest of the lots it was repacked from; give 2025-02-20 or an earlier date, or leave it"
                + " empty and lotflow takes 2025-02-20");
        NewLotRules.RepackedExpiration same = NewLotRules.repackedExpiration(LocalDate.of(2025, 2, 20), true, sources);
        assertThat(same).isEqualTo(new NewLotRules.RepackedExpiration(LocalDate.of(2025, 2, 20), null, null));
        assertThat(NewLotRules.repackedExpiration(LocalDate.of(2025, 2, 10), true, sources).date())
                .isEqualTo(LocalDate.of(2025, 2, 10));
        // a shelf life ending before every source's stands: no reason to give
        assertThat(NewLotRules.repackedExpiration(LocalDate.of(2025, 2, 1), false, sources))
                .isEqualTo(new NewLotRules.RepackedExpiration(LocalDate.of(2025, 2, 1), null, null));
    }

    private static Refusal assertRefused(Runnable call, int status, String field) {
        Refusal refused = catchThrowableOfType(Refusal.class, call::run);
        assertThat(refused).isNotNull();
        assertThat(RefusalStatus.of(refused)).isEqualTo(status);
        if (field != null) {
            assertThat(refused.properties()).containsEntry("field", field);
        }
        return refused;
    }

    @Test
    void aLotIsNotMadeBeforeItsSourceExisted() {
        Lot made = lot(LotStatus.RELEASED, LocalDate.of(2027, 1, 8)); // made 2025-01-08
        NewLotRules.requireMadeAfter(0, made, MADE); // the same day
        NewLotRules.requireMadeAfter(0, made, MADE.plusDays(1));
        NewLotRules.requireMadeAfter(0, made, null); // no date: the other rules say so
        Refusal before = catchThrowableOfType(Refusal.class, () -> NewLotRules.requireMadeAfter(2, made,
                LocalDate.of(2024, 1, 1)));
        assertThat(RefusalStatus.of(before)).isEqualTo(400);
        assertThat(before.properties()).containsEntry("field", "manufactureDate");
        assertThat(before.getMessage()).contains("2024-01-01 is before source lot RM-1 (sourceLots[2]) was made"
                + " (2025-01-08): a lot is not made from material that did not exist yet");
        // a received source: from the day it arrived at the plant, whatever its supplier's manufacture date
        Lot received = new Lot("RM-2", null, BigDecimal.TEN, MADE, LocalDate.of(2025, 2, 3), LocalDate.of(2027, 1, 8),
                null, null, LotSource.RECEIPT, Instant.EPOCH, "mike");
        NewLotRules.requireMadeAfter(0, received, LocalDate.of(2025, 2, 3));
        Refusal beforeReceipt = catchThrowableOfType(Refusal.class, () -> NewLotRules.requireMadeAfter(0, received,
                LocalDate.of(2025, 2, 1)));
        assertThat(beforeReceipt.getMessage()).contains("was received (2025-02-03)");
    }
}
