package org.lotflow.recall.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotSource;
import org.lotflow.shared.InvalidInput;

/**
 * The disposal a recall's closing signs (21 CFR 7.55(a)), without Spring: what is on hand, in words, and how each lot
 * leaves the plant ({@link RecalledStockDisposals}).
 */
class RecalledStockTest {

    private static RecalledStock.OnHand onHand(String lotNumber, String quantity, String unit, LotSource source) {
        Lot lot = mock(Lot.class);
        when(lot.getLotNumber()).thenReturn(lotNumber);
        when(lot.isReceived()).thenReturn(source == LotSource.RECEIPT);
        return new RecalledStock.OnHand(lot, new BigDecimal(quantity), unit);
    }

    private static final RecalledStock.Left NOTHING = new RecalledStock.Left(List.of());
    private static final RecalledStock.Left TWO = new RecalledStock.Left(List.of(
            onHand("IL250P-2025-002", "320.000", "pails", LotSource.PRODUCTION),
            onHand("RM-2025-015", "3000.000", "gal", LotSource.RECEIPT)));

    @Test
    void whatIsOnHandIsSaidInWordsWithItsUnits() {
        assertThat(NOTHING.isEmpty()).isTrue();
        assertThat(TWO.describe()).isEqualTo("stock on hand of the 2 recalled lots IL250P-2025-002 (320 pails) and"
                + " RM-2025-015 (3000 gal)");
    }

    /** Re-test 2026-12-07 F3: a REJECTED lot goods came back to is not called a recalled lot. */
    @Test
    void aRejectedLotIsSaidToBeOne() {
        RecalledStock.OnHand rejected = onHand("PMP-2025-001", "4", "pcs", LotSource.PRODUCTION);
        when(rejected.lot().getStatus()).thenReturn(org.lotflow.lot.LotStatus.REJECTED);
        assertThat(new RecalledStock.Left(List.of(rejected)).describe()).isEqualTo("stock on hand of the lot"
                + " PMP-2025-001 (4 pcs, a REJECTED lot the recall kept as it was)");
    }

    @Test
    void oneMethodForEveryLotOrALineOfItsOwnForALotThatLeavesDifferently() {
        assertThat(RecalledStockDisposals.of("RC-1", TWO, "DESTROYED", " WM-7 ", null)).containsExactly(
                Map.entry("IL250P-2025-002", new RecalledStockDisposals.Choice("DESTROYED", "WM-7")),
                Map.entry("RM-2025-015", new RecalledStockDisposals.Choice("DESTROYED", "WM-7")));
        // the supplier's raw material back to the supplier, the plant's own pails destroyed (new user P1)
        assertThat(RecalledStockDisposals.of("RC-1", TWO, "DESTROYED", "WM-7",
                "\n rm-2025-015 = RETURNED_TO_SUPPLIER RMA 2025/17 \n")).containsExactly(
                Map.entry("IL250P-2025-002", new RecalledStockDisposals.Choice("DESTROYED", "WM-7")),
                Map.entry("RM-2025-015", new RecalledStockDisposals.Choice("RETURNED_TO_SUPPLIER", "RMA 2025/17")));
        // every lot on its own line: no method for the rest (and one given is refused, never dropped)
        String both = "IL250P-2025-002 = DESTROYED\nRM-2025-015 = RETURNED_TO_SUPPLIER RMA-1";
        assertThat(RecalledStockDisposals.of("RC-1", TWO, null, null, both)).containsOnlyKeys("IL250P-2025-002",
                "RM-2025-015");
        assertThatThrownBy(() -> RecalledStockDisposals.of("RC-1", TWO, "DESTROYED", "WM-1", both))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("disposalMethod: not needed")
                .hasMessageEndingWith("leave the disposal method and its reference for every lot empty");
        // the method in a line in any case, as the lot number (new user Q2)
        assertThat(RecalledStockDisposals.of("RC-1", TWO, null, null, "il250p-2025-002 = destroyed\n"
                + "RM-2025-015 = Returned_To_Supplier RMA-1")).containsEntry("RM-2025-015",
                new RecalledStockDisposals.Choice("RETURNED_TO_SUPPLIER", "RMA-1"));
        // the API's list as the form's lines
        assertThat(RecalledStockDisposals.of("RC-1", TWO, "DESTROYED", null, List.of(Map.of("lotNumber",
                "RM-2025-015", "disposalMethod", "RETURNED_TO_SUPPLIER", "disposalReference", "RMA-17"))))
                .containsEntry("RM-2025-015", new RecalledStockDisposals.Choice("RETURNED_TO_SUPPLIER", "RMA-17"));
        // a tab or a line break in a method is no method (re-test 2026-12-06 R1: it became a reference, or a line)
        assertThatThrownBy(() -> RecalledStockDisposals.of("RC-1", TWO, "DESTROYED", null, List.of(Map.of(
                "lotNumber", "RM-2025-015", "disposalMethod", "DESTROYED\tRETURNED_TO_SUPPLIER"))))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("disposals: entry 1 of the list: '")
                .hasMessageContaining("is not a disposal method");
        assertThatThrownBy(() -> RecalledStockDisposals.of("RC-1", TWO, null, null, List.of(Map.of(
                "lotNumber", "RM-2025-015", "disposalMethod", "DESTROYED\nIL250P-2025-002 = DESTROYED"))))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("is not a disposal method");
    }

    @Test
    void refusalsNameTheFieldAndTheLine() {
        assertThatThrownBy(() -> RecalledStockDisposals.of("RC-1", TWO, null, null, null))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("disposalMethod: required: recall RC-1 leaves"
                        + " stock on hand of the 2 recalled lots");
        assertThatThrownBy(() -> RecalledStockDisposals.of("RC-1", TWO, "BURIED", null, null))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("'BURIED' is not a disposal method");
        // a lot made at the plant has no supplier (new user P4)
        assertThatThrownBy(() -> RecalledStockDisposals.of("RC-1", TWO, "RETURNED_TO_SUPPLIER", null, null))
                .isInstanceOf(InvalidInput.class).hasMessage("disposalMethod: lot IL250P-2025-002 was made at the"
                        + " plant, not received: it has no supplier to return it to; choose DESTROYED for"
                        + " it (for every lot here, or for it alone on a line of its own in the disposals when the"
                        + " others go back to their supplier)");
        assertThatThrownBy(() -> RecalledStockDisposals.of("RC-1", TWO, "DESTROYED", null,
                "IL250P-2025-002 = RETURNED_TO_SUPPLIER")).isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("disposals: line 1: lot IL250P-2025-002 was made at the plant");
        assertThatThrownBy(() -> RecalledStockDisposals.of("RC-1", TWO, "DESTROYED", null, "RM-2025-015 DESTROYED"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("line 1: 'RM-2025-015 DESTROYED' is not 'LOT ="
                        + " METHOD reference'");
        assertThatThrownBy(() -> RecalledStockDisposals.of("RC-1", TWO, "DESTROYED", null, "\nXX-1 = DESTROYED"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("line 2: 'XX-1' is not a recalled lot of recall"
                        + " RC-1 with stock on hand; those are IL250P-2025-002, RM-2025-015");
        assertThatThrownBy(() -> RecalledStockDisposals.of("RC-1", TWO, "DESTROYED", null,
                "RM-2025-015 = DESTROYED\nrm-2025-015 = RETURNED_TO_SUPPLIER")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("line 2: lot RM-2025-015 is given twice");
        assertThatThrownBy(() -> RecalledStockDisposals.of("RC-1", TWO, "DESTROYED", null, "RM-2025-015 = ="))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("line 1: '=' is not a disposal method");
        assertThatThrownBy(() -> RecalledStockDisposals.of("RC-1", TWO, 3, null, null))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("must be text");
        assertThatThrownBy(() -> RecalledStockDisposals.of("RC-1", TWO, "DESTROYED", null, List.of(Map.of(
                "lotNumber", "RM-2025-015", "disposalMethod", "DESTROYED", "disposalReference", "WM-1\nWM-2"))))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("disposals: entry 1 of the list: reference");
        assertThatThrownBy(() -> RecalledStockDisposals.of("RC-1", TWO, "DESTROYED", null, List.of(Map.of(
                "lotNumber", "RM-2025-015", "method", "DESTROYED")))).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("entry 1 of the list: unknown field 'method'");
        // nothing on hand: nothing is signed
        assertThat(RecalledStockDisposals.of("RC-1", NOTHING, null, " ", null)).isEmpty();
        assertThatThrownBy(() -> RecalledStockDisposals.of("RC-1", NOTHING, "DESTROYED", null, null))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("disposalMethod: not needed");
        assertThatThrownBy(() -> RecalledStockDisposals.of("RC-1", NOTHING, null, null, "X = DESTROYED"))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("disposals: not needed");
    }
}
