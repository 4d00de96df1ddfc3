package org.lotflow.lot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.lotflow.product.Product;
import org.lotflow.shared.RefusalStatus;
import org.lotflow.shared.StateConflict;

/**
 * The quantity rule without Spring (issue #12): quantity = available + allocated + shipped + consumed +
 * disposed, on hand = available + allocated, and a disposal leaves nothing available or on hand.
 */
class LotQuantitiesTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void availableAndOnHandFollowFromTheOtherFigures() {
        LotQuantities q = new LotQuantities(d("500"), d("150"), d("65"), d("10"), d("0"));
        assertThat(q.available()).isEqualByComparingTo("275");
        assertThat(q.onHand()).isEqualByComparingTo("425");
        assertThat(q.balances()).isTrue();
        assertThat(q.asMap()).containsOnlyKeys("quantity", "available", "allocated", "shipped", "consumed",
                "disposed", "onHand");
    }

    @Test
    void disposalDisposesOfEverythingOnHandAndLeavesNothingAvailableOrOnHand() {
        LotQuantities before = new LotQuantities(d("500.000"), d("0"), d("65.5"), d("22.25"), d("0"));

        LotQuantities after = before.disposeOnHand();

        assertThat(after.disposed()).isEqualByComparingTo("412.25");
        assertThat(after.available()).isEqualByComparingTo("0");
        assertThat(after.onHand()).isEqualByComparingTo("0");
        assertThat(after.shipped()).isEqualByComparingTo("65.5");
        assertThat(after.consumed()).isEqualByComparingTo("22.25");
        assertThat(after.quantity()).isEqualByComparingTo("500");
        assertThat(after.balances()).isTrue();
        assertThat(after.isUsedUp()).isTrue();
        // a second disposal finds nothing on hand and changes nothing
        assertThat(after.disposeOnHand()).isEqualTo(after);
    }

    @Test
    void nothingIsRoundedThreeDecimalsStayExact() {
        LotQuantities q = LotQuantities.of(d("12.001")).allocate(d("0.001")).ship(d("0.001")).consume(d("0.003"));
        assertThat(q.available()).isEqualByComparingTo("11.997");
        assertThat(q.disposeOnHand().disposed()).isEqualByComparingTo("11.997");
    }

    @Test
    void goodsReceivedBackAreOnHandAgainAndNeverMoreThanWasShipped() {
        LotQuantities shippedWhole = new LotQuantities(d("100"), d("0"), d("100"), d("0"), d("0"));
        LotQuantities back = shippedWhole.receiveReturn(d("25.5"));
        assertThat(back.shipped()).isEqualByComparingTo("74.5");
        assertThat(back.onHand()).isEqualByComparingTo("25.5");
        assertThat(back.balances()).isTrue();
        assertThat(back.disposeOnHand().disposed()).isEqualByComparingTo("25.5");
        assertThatThrownBy(() -> back.receiveReturn(d("74.501"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> back.receiveReturn(d("0"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allocatedStockIsNotDestroyedFromUnderAnOrder() {
        LotQuantities q = new LotQuantities(d("500"), d("150"), d("65"), d("0"), d("0"));
        assertThatThrownBy(q::disposeOnHand).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("150 is still allocated");
    }

    @Test
    void figuresThatDoNotBalanceAreNoLotQuantities() {
        // 150 + 65 + 10 + 276 = 501 > 500
        assertThatThrownBy(() -> new LotQuantities(d("500"), d("150"), d("65"), d("10"), d("276")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds the quantity");
        assertThatThrownBy(() -> new LotQuantities(d("500"), d("0"), d("0"), d("0"), d("-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> new LotQuantities(d("0"), d("0"), d("0"), d("0"), d("0")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LotQuantities.of(d("10")).allocate(d("10.001")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LotQuantities.of(d("10")).ship(d("1"))).isInstanceOf(IllegalArgumentException.class);
    }

    // the lot entity keeps its columns through the rule

    private static Lot lot(LotStatus... path) {
        Product product = mock(Product.class);
        when(product.getUnit()).thenReturn("drums");
        Lot lot = new Lot("IL250-2024-089", product, d("500"), LocalDate.of(2024, 11, 15), null,
                LocalDate.of(2026, 11, 15), "A-1", null, LotSource.PRODUCTION, Instant.EPOCH, "mike");
        for (LotStatus next : path) {
            lot.transitionTo(next);
        }
        return lot;
    }

    @Test
    void aRejectedLotDisposedOfShowsTheQuantityDisposedAndNothingAvailableOrOnHand() {
        Lot lot = lot(LotStatus.RELEASED);
        lot.allocate(d("12"));
        lot.ship(d("12"));
        lot.transitionTo(LotStatus.QUARANTINE);
        lot.transitionTo(LotStatus.REJECTED);

        BigDecimal disposed = lot.dispose();

        assertThat(disposed).isEqualByComparingTo("488");
        assertThat(lot.getDisposed()).isEqualByComparingTo("488");
        assertThat(lot.getAvailable()).isEqualByComparingTo("0");
        assertThat(lot.getOnHand()).isEqualByComparingTo("0");
        assertThat(lot.quantities().balances()).isTrue();
        assertThat(lot.isFullyUsed()).isTrue();
    }

    @Test
    void onlyALotThatMayNeverBeSoldAgainIsDisposedOf() {
        Lot released = lot(LotStatus.RELEASED);
        StateConflict refused = catchThrowableOfType(StateConflict.class, released::dispose);
        assertThat(RefusalStatus.of(refused)).isEqualTo(409);
        assertThat(refused.getMessage()).contains("IL250-2024-089 is RELEASED");
        assertThat(released.getDisposed()).isEqualByComparingTo("0");
        assertThat(released.getAvailable()).isEqualByComparingTo("500");
    }

    @Test
    void aLotWithStockStillAllocatedIsNotDisposedOfAndNothingChanges() {
        Lot lot = lot(LotStatus.RELEASED);
        lot.allocate(d("30"));
        lot.transitionTo(LotStatus.EXPIRED);

        StateConflict refused = catchThrowableOfType(StateConflict.class, lot::dispose);

        assertThat(refused.getMessage()).isEqualTo(
                "Lot IL250-2024-089 still has 30 drums allocated to orders; allocated stock cannot be disposed of");
        assertThat(lot.getDisposed()).isEqualByComparingTo("0");
        assertThat(lot.getOnHand()).isEqualByComparingTo("500");
    }

    @Test
    void aPartOfTheStockOnHandIsDisposedOfTheRestStaysAndNeverMoreThanIsOnHand() {
        Lot lot = lot(LotStatus.RELEASED);
        lot.transitionTo(LotStatus.EXPIRED);

        lot.dispose(d("120.125"));

        assertThat(lot.getDisposed()).isEqualByComparingTo("120.125");
        assertThat(lot.getOnHand()).isEqualByComparingTo("379.875");
        assertThat(lot.quantities().balances()).isTrue();

        StateConflict refused = catchThrowableOfType(StateConflict.class, () -> lot.dispose(d("379.876")));
        assertThat(refused.getMessage()).startsWith("Lot IL250-2024-089 has only 379.875 drums on hand, so 379.876"
                + " drums cannot be disposed of");
        assertThat(lot.getDisposed()).isEqualByComparingTo("120.125");

        lot.dispose(d("379.875"));
        assertThat(lot.getOnHand()).isEqualByComparingTo("0");
        assertThat(lot.quantities().isUsedUp()).isTrue();
        assertThatThrownBy(() -> LotQuantities.of(d("5")).dispose(d("5.001")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
