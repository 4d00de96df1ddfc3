package org.lotflow.drill.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotflow.lot.LotQuantities;

/** The mass balance of a drill's lot: the lot's record against the ledgers, exact, never rounded up to 100 %. */
class MassBalanceTest {

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void aLotWhoseLedgersAgreeWithItsRecordReconciles() {
        // 400 made: 40 allocated, 80 shipped, 30 consumed, 0 disposed, 250 available
        LotQuantities record = new LotQuantities(d("400"), d("40"), d("80"), d("30"), d("0"));
        MassBalance.Balance b = MassBalance.of("L-1", "pails", record, d("40"), d("80"), d("30"));
        assertThat(b.available()).isEqualByComparingTo("250");
        assertThat(b.onHand()).isEqualByComparingTo("290");
        assertThat(b.accounted()).isEqualByComparingTo("400");
        assertThat(b.difference()).isEqualByComparingTo("0");
        assertThat(b.reconciles()).isTrue();
        assertThat(b.reconciliationPercent()).isEqualTo(d("100.00"));
        assertThat(b.findings()).isEmpty();
    }

    @Test
    void aShipmentMissingFromTheLedgerIsADifferenceAndAFindingNamingBothFigures() {
        LotQuantities record = new LotQuantities(d("400"), d("0"), d("80"), d("0"), d("0"));
        MassBalance.Balance b = MassBalance.of("L-2", "pails", record, null, d("50"), null);
        assertThat(b.shipped()).isEqualByComparingTo("50");
        // a ledger that recorded nothing shows 0.000, as every lot quantity (re-test 2026-12-06 R6: 0 beside 0.000)
        assertThat(b.allocated().toPlainString()).isEqualTo("0.000");
        assertThat(b.consumed().toPlainString()).isEqualTo("0.000");
        assertThat(b.shipped().toPlainString()).isEqualTo("50.000");
        assertThat(b.difference()).isEqualByComparingTo("30");
        assertThat(b.reconciliationPercent()).isEqualTo(d("92.50"));
        assertThat(b.findings()).singleElement().asString().contains("L-2").contains("50 pails shipped per the shipment"
                + " ledger").contains("80 pails per the lot's record").contains("difference 30 pails");
    }

    @Test
    void moreRecordedThanMadeIsADifferenceToo() {
        LotQuantities record = new LotQuantities(d("100"), d("0"), d("0"), d("10"), d("0"));
        MassBalance.Balance b = MassBalance.of("L-3", "kg", record, d("5"), null, d("10"));
        assertThat(b.difference()).isEqualByComparingTo("-5");
        assertThat(b.reconciliationPercent()).isEqualTo(d("95.00"));
        assertThat(b.findings()).singleElement().asString().contains("allocated");
    }

    @Test
    void theDisposedPartOfARejectedLotIsAccountedFor() {
        LotQuantities record = new LotQuantities(d("200"), d("0"), d("20"), d("0"), d("180"));
        MassBalance.Balance b = MassBalance.of("L-4", "drums", record, null, d("20"), null);
        assertThat(b.onHand()).isEqualByComparingTo("0");
        assertThat(b.reconciles()).isTrue();
    }

    @Test
    void theSmallestDifferenceNeverReadsAsOneHundredPercent() {
        assertThat(MassBalance.percent(d("1000000"), d("0.001"))).isEqualTo(d("99.99"));
        assertThat(MassBalance.percent(d("3"), d("1"))).isEqualTo(d("66.66")); // rounded down
        assertThat(MassBalance.percent(d("10"), d("25"))).isEqualTo(d("0.00"));
        assertThat(MassBalance.percent(d("10"), d("0.000"))).isEqualTo(d("100.00"));
    }

    @Test
    void theDrillsReconciliationIsItsLowestLotsNeverASumAcrossUnits() {
        assertThat(MassBalance.overall(List.of(d("100.00"), d("92.50"), d("99.99")))).isEqualTo(d("92.50"));
        assertThat(MassBalance.overall(List.of())).isEqualTo(d("100.00"));
    }
}
