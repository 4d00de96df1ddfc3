package org.lotflow.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lotflow.trace.Trace;

/** The Console's small rules without Spring: the list's marks, the genealogy picture, notification deadlines. */
class ConsoleRulesTest {

    static final LocalDate TODAY = LocalDate.parse("2025-01-28");

    @Test
    void theSeedsInventoryIsMarkedAsItsFifoReportSaysAndExpiryCountsFromTheExpirationDay() {
        List<LotMarks.Marks> marks = LotMarks.of(List.of(
                new LotMarks.Row("IL-250", "QUARANTINE", LocalDate.parse("2026-11-15"), new BigDecimal("285")),
                new LotMarks.Row("IL-250", "RELEASED", LocalDate.parse("2026-12-03"), new BigDecimal("425")),
                new LotMarks.Row("IL-250", "RELEASED", LocalDate.parse("2027-01-08"), new BigDecimal("500")),
                new LotMarks.Row("OTHER", "RELEASED", LocalDate.parse("2025-03-01"), new BigDecimal("10")),
                new LotMarks.Row("GONE", "RELEASED", TODAY, new BigDecimal("10"))), TODAY, 90, true);
        assertThat(marks.get(0).nextToAllocate()).as("held: not allocatable").isFalse();
        assertThat(marks.get(1).nextToAllocate()).as("seed: NEXT TO ALLOCATE").isTrue();
        assertThat(marks.get(1).monthsLeft()).isEqualTo(22);
        assertThat(marks.get(2).nextToAllocate()).isFalse();
        assertThat(marks.get(3)).extracting(LotMarks.Marks::expiringSoon, LotMarks.Marks::daysLeft,
                LotMarks.Marks::nextToAllocate).containsExactly(true, 32L, true);
        assertThat(marks.get(4)).extracting(LotMarks.Marks::expired, LotMarks.Marks::expiringSoon,
                LotMarks.Marks::nextToAllocate).containsExactly(true, false, false);
    }

    /** A lot released on a concession is never FEFO's next lot: the one after it is (re-test 2026-12-06 N4). */
    @Test
    void aLotReleasedOnAConcessionIsNeverNextToAllocate() {
        List<LotMarks.Marks> marks = LotMarks.of(List.of(
                new LotMarks.Row("IL-250", "RELEASED", LocalDate.parse("2026-12-03"), new BigDecimal("425"), true),
                new LotMarks.Row("IL-250", "RELEASED", LocalDate.parse("2027-01-08"), new BigDecimal("500"), false)),
                TODAY, 90, true);
        assertThat(marks).extracting(LotMarks.Marks::nextToAllocate).containsExactly(false, true);
    }

    @Test
    void onALaterPageNoLotIsMarkedNextToAllocate() {
        assertThat(LotMarks.of(List.of(new LotMarks.Row("IL-250", "RELEASED", LocalDate.parse("2026-12-03"),
                BigDecimal.TEN)), TODAY, 90, false).get(0).nextToAllocate()).isFalse();
    }

    private static Trace.TracedLot lot(String n, int depth, List<Trace.Link> path) {
        BigDecimal z = BigDecimal.ZERO;
        return new Trace.TracedLot(1L, n, "SKU", "Product", "drums", "RELEASED", depth, new BigDecimal("100"), z, z,
                z, z, z, z, "A", TODAY, path);
    }

    @Test
    void thePictureJoinsBothTracesWithQuantitiesAndAddsUpShipmentsPerCustomer() {
        Trace up = new Trace("B", "upstream", List.of(lot("B", 0, List.of()),
                lot("A", 1, List.of(new Trace.Link("A", "B", new BigDecimal("60"))))), List.of(), false, 100);
        Trace down = new Trace("B", "downstream", List.of(lot("B", 0, List.of()),
                lot("C", 1, List.of(new Trace.Link("B", "C", new BigDecimal("30"))))),
                List.of(new Trace.CustomerShipment("Acme", "B", "SO-1", new BigDecimal("10"), TODAY, null),
                        new Trace.CustomerShipment("Acme", "B", "SO-2", new BigDecimal("5.5"), TODAY, null),
                        new Trace.CustomerShipment("ACME", "B", "SO-4", new BigDecimal("1"), TODAY, null),
                        new Trace.CustomerShipment("B", "C", "SO-3", new BigDecimal("20"), TODAY, null)), true, 100);
        GenealogyPicture.Picture p = GenealogyPicture.of(up, down);
        assertThat(p.nodes()).extracting(GenealogyPicture.Node::name, GenealogyPicture.Node::category).containsExactly(
                org.assertj.core.groups.Tuple.tuple("lot:B", "lot"), org.assertj.core.groups.Tuple.tuple("lot:A", "upstream"),
                org.assertj.core.groups.Tuple.tuple("lot:C", "downstream"),
                org.assertj.core.groups.Tuple.tuple("customer:acme", "customer"),
                org.assertj.core.groups.Tuple.tuple("customer:b", "customer"),
                org.assertj.core.groups.Tuple.tuple("kept:B", "kept"), org.assertj.core.groups.Tuple.tuple("kept:C", "kept"));
        assertThat(p.links()).extracting(l -> l.source() + ">" + l.target() + "=" + l.value().toPlainString())
                .as("one customer whatever the capitals of its orders (new user U10)")
                .containsExactly("lot:A>lot:B=60", "lot:B>lot:C=30", "lot:B>customer:acme=16.5", "lot:C>customer:b=20",
                        "lot:B>kept:B=83.5", "lot:C>kept:C=80");
        assertThat(p.truncated()).as("the downstream trace was cut").isTrue();
    }

    private static Trace.TracedLot lot(String n, String quantity, String available, String allocated, String shipped,
            String disposed) {
        BigDecimal onHand = new BigDecimal(available).add(new BigDecimal(allocated));
        return new Trace.TracedLot(1L, n, "SKU", "Product", "drums", "RELEASED", 0, new BigDecimal(quantity),
                new BigDecimal(shipped), BigDecimal.ZERO, new BigDecimal(available), new BigDecimal(allocated),
                new BigDecimal(disposed), onHand, "A", TODAY, List.of());
    }

    @Test
    void whatALotKeptIsABandOfItsOwnSoOneShipmentIsNotDrawnAsTheWholeLot() {
        // new user 27 N8: 500 drums, 65 shipped to one customer, drawn as if all 500 went there
        Trace up = new Trace("L", "upstream", List.of(lot("L", "500", "285", "150", "65", "0")), List.of(), false, 100);
        Trace down = new Trace("L", "downstream", List.of(lot("L", "500", "285", "150", "65", "0")),
                List.of(new Trace.CustomerShipment("Precision Parts Co.", "L", "SO-1", new BigDecimal("65"), TODAY,
                        null)), false, 100);
        GenealogyPicture.Picture p = GenealogyPicture.of(up, down);
        assertThat(p.links()).extracting(l -> l.target() + "=" + l.value().toPlainString())
                .containsExactly("customer:precision parts co.=65", "kept:L=435");
        assertThat(p.nodes()).extracting(GenealogyPicture.Node::caption).containsExactly("L · 500 drums",
                "Precision Parts Co.", "At the plant: 435 drums (150 of it allocated)");

        // recalled: 80 shipped, 75 came back, all disposed of: what never left is 320, the 75 stay with the customers
        Trace down2 = new Trace("L", "downstream", List.of(lot("L", "400", "0", "0", "5", "395")),
                List.of(new Trace.CustomerShipment("Allied", "L", "SO-1", new BigDecimal("30"), TODAY, null),
                        new Trace.CustomerShipment("Metro", "L", "SO-2", new BigDecimal("50"), TODAY, null)), false, 100);
        GenealogyPicture.Picture p2 = GenealogyPicture.of(up, down2);
        GenealogyPicture.Node kept = p2.nodes().get(p2.nodes().size() - 1);
        assertThat(kept.caption()).isEqualTo("Disposed of: 320 drums");
        assertThat(kept.detail()).contains("75 drums came back from customers");
        assertThat(p2.links()).extracting(l -> l.value().toPlainString()).containsExactly("30", "50", "320");

        // nothing flowed: no picture, not a lone band to "At the plant"
        Trace alone = new Trace("L", "downstream", List.of(lot("L", "500", "500", "0", "0", "0")), List.of(), false, 100);
        assertThat(GenealogyPicture.of(up, alone).links()).isEmpty();
    }

    @Test
    void aCustomerNotYetNotifiedPastTheWindowIsOverdue() {
        Map<String, Object> recall = Map.of("openedAt", "2025-01-28T10:00:00Z", "notifyWithin", "PT48H",
                "customers", List.of(Map.of("customer", "Acme", "unit", "kg", "notified", true),
                        Map.of("customer", "Bolt", "unit", "kg", "notified", false),
                        Map.of("customer", "Bolt", "unit", "drums", "notified", true)));
        Map<String, NotificationDeadline.Deadline> before = NotificationDeadline.of(recall,
                Instant.parse("2025-01-30T09:59:59Z"));
        assertThat(before.get("Bolt|kg")).isEqualTo(new NotificationDeadline.Deadline(
                Instant.parse("2025-01-30T10:00:00Z"), false));
        Map<String, NotificationDeadline.Deadline> after = NotificationDeadline.of(recall,
                Instant.parse("2025-01-30T10:00:01Z"));
        assertThat(after.get("Bolt|kg").overdue()).isTrue();
        assertThat(after.get("Bolt|drums").overdue()).as("each unit of a customer on its own (G2)").isFalse();
        assertThat(after.get("Acme|kg").overdue()).as("answered").isFalse();
        assertThat(NotificationDeadline.of(Map.of("customers", List.of()), Instant.now())).isEmpty();
    }

    @Test
    void sourceLotsAreTypedOneALineAndHeldToTheApisRules() {
        assertThat(SourceLotLines.parse("RM-2025-015 60\n\n  BO-77   12.5 ")).extracting(
                l -> l.lotNumber() + "=" + l.quantity().toPlainString()).containsExactly("RM-2025-015=60", "BO-77=12.5");
        assertThat(SourceLotLines.parse(null)).isEmpty();
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(org.lotflow.shared.InvalidInput.class,
                () -> SourceLotLines.parse("RM-1 60\nRM-2")).getMessage())
                .isEqualTo("sourceLots: line 2 'RM-2' must be a lot number and a quantity, e.g. RM-2025-015 60");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(org.lotflow.shared.InvalidInput.class,
                () -> SourceLotLines.parse("RM-1 1.2345")).getMessage()).contains("at most 3 decimal places")
                .contains("never rounded");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(org.lotflow.shared.InvalidInput.class,
                () -> SourceLotLines.parse("RM-1 1\nRM-1 2")).getMessage()).contains("listed twice");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(org.lotflow.shared.InvalidInput.class,
                () -> SourceLotLines.parse("RM-1 ten")).getMessage()).contains("'ten' is not a number");
    }

    @Test
    void numbersInTypedLinesAreTheDigitsZeroToNineAsOnTheScreen() {
        // BigDecimal alone reads a Bengali 4 (which looks like an 8) as 4, Arabic-Indic digits and 1e3 as 1000: the
        // record would keep another number than the one typed (auditor 2026-12-06 M1)
        java.util.function.Function<Runnable, String> refusal = r -> org.assertj.core.api.Assertions
                .catchThrowableOfType(org.lotflow.shared.InvalidInput.class, r::run).getMessage();
        assertThat(refusal.apply(() -> SourceLotLines.parse("TRR-2025-001 \u09ea"))).startsWith("sourceLots: line 1")
                .contains("is not a number written with the digits 0-9");
        assertThat(refusal.apply(() -> SourceLotLines.parse("TRR-2025-001 \u0663"))).startsWith("sourceLots:");
        assertThat(refusal.apply(() -> ReceiptLines.parse("\u09ea\u09e6 2027-01-10"))).startsWith("lines: line 1")
                .contains("digits 0-9");
        assertThat(refusal.apply(() -> ReceiptLines.parse("10 2027-01-10\n1e3 2027-02-10"))).startsWith(
                "lines: line 2").contains("exponent notation");
        assertThat(refusal.apply(() -> SpecLines.parse("viscosity cSt \u09ea\u09ea \u09ee\u09ee")))
                .startsWith("specs: line 1").contains("lower limit").contains("digits 0-9");
        assertThat(refusal.apply(() -> SpecLines.parse("viscosity cSt 245 2.55E2"))).contains("upper limit")
                .contains("exponent notation");
        assertThat(SpecLines.parse("pourPoint °C - -30.5").get(0).max()).isEqualByComparingTo("-30.5");
    }

    @Test
    void aDeliverysLinesAreTypedOneALineQuantityExpirationAndOptionalManufacture() {
        assertThat(ReceiptLines.parse("3000 2027-01-10 2025-01-10\n\n  1500.5   2027-01-24 ")).extracting(
                l -> l.quantity().toPlainString() + "/" + l.expirationDate() + "/" + l.manufactureDate())
                .containsExactly("3000/2027-01-10/2025-01-10", "1500.5/2027-01-24/null");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(org.lotflow.shared.InvalidInput.class,
                () -> ReceiptLines.parse("10 2027-01-10\n5")).getMessage())
                .startsWith("lines: line 2 '5' must be a quantity, an expiration date");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(org.lotflow.shared.InvalidInput.class,
                () -> ReceiptLines.parse(null)).getMessage()).contains("at least one line");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(org.lotflow.shared.InvalidInput.class,
                () -> ReceiptLines.parse("0 2027-01-10")).getMessage()).startsWith("lines: line 1").contains("quantity");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(org.lotflow.shared.InvalidInput.class,
                () -> ReceiptLines.parse("1.2345 2027-01-10")).getMessage()).contains("at most 3 decimal places");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(org.lotflow.shared.InvalidInput.class,
                () -> ReceiptLines.parse("10 10.1.2027")).getMessage())
                .isEqualTo("lines: line 1 '10 10.1.2027': the expiration date '10.1.2027' is not a date (yyyy-mm-dd)");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(org.lotflow.shared.InvalidInput.class,
                () -> ReceiptLines.parse("10 2027-01-10 0001-01-01")).getMessage()).contains("manufacture date");
    }

    @Test
    void aSpecificationIsTypedOneTestALineWithADashForNoLimit() {
        // new user's U15: a test without a unit, '-' as for a limit (not a unit "-" printed on the certificate)
        assertThat(SpecLines.parse("viscosityIndex - 100 -").get(0).unit()).isNull();
        assertThat(SpecLines.parse("viscosity cSt 245 255\nflashPoint °C 220 -")).extracting(
                t -> t.test() + " " + t.unit() + " " + t.min() + " " + t.max())
                .containsExactly("viscosity cSt 245 255", "flashPoint °C 220 null");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(org.lotflow.shared.InvalidInput.class,
                () -> SpecLines.parse("viscosity cSt 245")).getMessage()).startsWith("specs: line 1 'viscosity cSt 245'");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(org.lotflow.shared.InvalidInput.class,
                () -> SpecLines.parse("pH - low 7")).getMessage()).contains("lower limit 'low' is not a number");
        // a unit with blanks, as the demo's own products have it (new user 2026-12-06 U6)
        assertThat(SpecLines.parse("acidNumber: mg KOH/g - 0.1\nwater content: % - 0.5\nflash point: - 220 -"))
                .extracting(t -> t.test() + "|" + t.unit() + "|" + t.min() + "|" + t.max())
                .containsExactly("acidNumber|mg KOH/g|null|0.1", "water content|%|null|0.5", "flash point|null|220|null");
        // a colon within a word is the word's: a unit "w:w" (re-test 2026-12-07 F8)
        assertThat(SpecLines.parse("mixRatio w:w 0.9 1.1\nmix ratio: w:w 0.9 1.1")).extracting(t -> t.test() + "|"
                + t.unit()).containsExactly("mixRatio|w:w", "mix ratio|w:w");
        // a name's colon typed without its blank reads two ways: refused with both (re-test 2026-12-07 N5)
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(org.lotflow.shared.InvalidInput.class,
                () -> SpecLines.parse("water content:% - 0.5")).getMessage()).contains("reads two ways")
                .contains("'water content: % - 0.5' for test 'water content'");
        // more than four words and no colon reads two ways: refused, with both readings (new user 2026-12-07 F1)
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(org.lotflow.shared.InvalidInput.class,
                () -> SpecLines.parse("water content % - 0.5")).getMessage())
                .contains("line 1 'water content % - 0.5' has 3 words before its limits")
                .contains("'water content: % - 0.5' for test 'water content'")
                .contains("'water: content % - 0.5' for unit 'content %'");
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(org.lotflow.shared.InvalidInput.class,
                () -> SpecLines.parse("water content: - 0.5")).getMessage()).contains("a colon, its unit");
    }
}
