package org.lotflow.lot.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotflow.lot.LotStatus;
import org.lotflow.lot.internal.SupplierLotRules.Concern;
import org.lotflow.lot.internal.SupplierLotRules.Delivery;
import org.lotflow.lot.internal.SupplierLotRules.Sibling;

/**
 * Audit 27 F1 and F2 without Spring or a database: which earlier lots of a supplier lot a new delivery is checked
 * against, which of them keep it out of normal stock, and the sentence of its hold.
 */
class SupplierLotRulesTest {

    static final long RAW_A = 1;
    static final long RAW_B = 2;

    static final SupplierLotRules.Reasons REASONS = new SupplierLotRules.Reasons() {
        @Override
        public String recallNumber(long lotId) {
            return "RC-2026-00" + lotId;
        }

        @Override
        public String rejection(long lotId) {
            return "Supplier COA does not match";
        }

        @Override
        public String hold(long lotId) {
            return "Customer found metal particles";
        }
    };

    static Sibling lot(String number, String supplier, String supplierLot, LotStatus status, long product) {
        return new Sibling(number, supplier, supplierLot, "BOL-" + number, status, false, number.hashCode(), null,
                product);
    }

    static Sibling archived(String number, LotStatus from, boolean recalledOnce) {
        return new Sibling(number, "Audit Supplies Ltd", "AS-1", "BOL-AS-1", LotStatus.ARCHIVED, recalledOnce, 7, from,
                RAW_A);
    }

    static Delivery delivery(String supplier, String supplierLot, Long product) {
        return new Delivery(supplier, supplierLot, product, "BOL-NEW");
    }

    @Test
    void aLotRejectedAndArchivedSinceStillCountsAsRejectedAsARecalledOneAsRecalled() {
        assertThat(SupplierLotRules.concern(archived("RAWA-2025-001", LotStatus.REJECTED, false)))
                .isEqualTo(Concern.REJECTED);
        assertThat(SupplierLotRules.concern(archived("RAWA-2025-002", LotStatus.RECALLED, true)))
                .isEqualTo(Concern.RECALLED);
        assertThat(SupplierLotRules.concern(archived("RAWA-2025-003", LotStatus.EXPIRED, false))).isNull();
        assertThat(SupplierLotRules.concern(archived("RAWA-2025-004", LotStatus.DEPLETED, false))).isNull();
        String sentence = SupplierLotRules.sentence(delivery("Audit Supplies Ltd", "AS-1", RAW_A),
                List.of(archived("RAWA-2025-001", LotStatus.REJECTED, false)), REASONS);
        assertThat(sentence).isEqualTo("earlier lots of supplier lot AS-1 from Audit Supplies Ltd were recalled or"
                + " rejected: RAWA-2025-001 was REJECTED by QA (Supplier COA does not match), now ARCHIVED. This delivery"
                + " (BOL-NEW) is not used or released until a QA manager decides its disposition");
    }

    @Test
    void aLotHeldByQaNowCountsOthersDoNot() {
        assertThat(SupplierLotRules.concern(lot("L1", "S", "X", LotStatus.QUARANTINE, RAW_A))).isEqualTo(Concern.HELD);
        assertThat(SupplierLotRules.concern(lot("L1", "S", "X", LotStatus.RECALLED, RAW_A)))
                .isEqualTo(Concern.RECALLED);
        assertThat(SupplierLotRules.concern(lot("L1", "S", "X", LotStatus.REJECTED, RAW_A)))
                .isEqualTo(Concern.REJECTED);
        for (LotStatus fine : new LotStatus[] {LotStatus.PENDING, LotStatus.RELEASED, LotStatus.EXPIRED,
                LotStatus.DEPLETED}) {
            assertThat(SupplierLotRules.concern(lot("L1", "S", "X", fine, RAW_A))).as(fine.name()).isNull();
        }
        String sentence = SupplierLotRules.sentence(delivery("Audit Supplies Ltd", "AS-3", RAW_A),
                List.of(lot("RAWA-2026-007", "Audit Supplies Ltd", "AS-3", LotStatus.QUARANTINE, RAW_A)), REASONS);
        assertThat(sentence).isEqualTo("earlier lots of supplier lot AS-3 from Audit Supplies Ltd are held by QA:"
                + " RAWA-2026-007 is held by QA in QUARANTINE, its disposition not decided (Customer found metal"
                + " particles). This delivery (BOL-NEW) is not used or released until a QA manager decides its"
                + " disposition");
        assertThat(SupplierLotRules.sentence(delivery("Audit Supplies Ltd", "AS-3", RAW_A),
                List.of(lot("RAWA-2026-009", "Audit Supplies Ltd", "AS-3", LotStatus.RELEASED, RAW_A)), REASONS))
                .isNull();
        // a lot held as it was received: its hold's reason (this very kind of sentence) is not repeated
        SupplierLotRules.Reasons heldAtReceipt = new SupplierLotRules.Reasons() {
            @Override
            public String recallNumber(long lotId) {
                return null;
            }

            @Override
            public String rejection(long lotId) {
                return null;
            }

            @Override
            public String hold(long lotId) {
                return "Received into quarantine: earlier lots of supplier lot AS-3 from Audit Supplies Ltd are held";
            }
        };
        assertThat(SupplierLotRules.sentence(delivery("Audit Supplies Ltd", "AS-3", RAW_A),
                List.of(lot("RAWA-2026-008", "Audit Supplies Ltd", "AS-3", LotStatus.QUARANTINE, RAW_A)),
                heldAtReceipt)).isEqualTo("earlier lots of supplier lot AS-3 from Audit Supplies Ltd are held by QA:"
                        + " RAWA-2026-008 is held by QA in QUARANTINE since its receipt, its disposition not decided."
                        + " This delivery (BOL-NEW) is not used or released until a QA manager decides its"
                        + " disposition");
    }

    @Test
    void theSameProductCountsWhateverTheSupplierSpellingTheSameSupplierWhateverTheProduct() {
        List<Sibling> ofNumber = List.of(
                lot("A1", "Audit Supplies Ltd.", "AS-2", LotStatus.REJECTED, RAW_A),
                lot("A2", "Audit Supplies Limited", "as-2", LotStatus.PENDING, RAW_A),
                lot("B1", "AUDIT SUPPLIES LTD", "AS-2", LotStatus.RELEASED, RAW_B),
                lot("B2", "Other Mill GmbH", "AS-2", LotStatus.REJECTED, RAW_B));
        assertThat(SupplierLotRules.checkedAgainst(delivery("Audit Supplies Ltd", "AS-2", RAW_A), ofNumber))
                .extracting(Sibling::lotNumber).containsExactly("A1", "A2", "B1");
        // a product not on record: the supplier's own lots only
        assertThat(SupplierLotRules.checkedAgainst(delivery("Audit Supplies Ltd", "AS-2", null), ofNumber))
                .extracting(Sibling::lotNumber).containsExactly("B1");
        assertThat(SupplierLotRules.checkedAgainst(delivery("Other Mill GmbH", "AS-2", RAW_B), ofNumber))
                .extracting(Sibling::lotNumber).containsExactly("B1", "B2");
    }

    @Test
    void theSentenceSaysWhenTheLotWasReceivedUnderAnotherSupplierNameOrSpelling() {
        String sentence = SupplierLotRules.sentence(delivery("Audit Supplies Limited", "as-2", RAW_A),
                List.of(lot("RAWA-2026-002", "Audit Supplies Ltd", "AS-2", LotStatus.REJECTED, RAW_A)), REASONS);
        assertThat(sentence).startsWith("earlier lots of supplier lot as-2 from Audit Supplies Limited were recalled or"
                + " rejected: RAWA-2026-002 (supplier lot AS-2 of Audit Supplies Ltd) was REJECTED by QA (Supplier COA"
                + " does not match). This delivery (BOL-NEW)").endsWith("(a lot received under another supplier name"
                        + " counts: the supplier lot number on the same product is the material's lot code, whatever"
                        + " the spelling of the supplier)");
        // the same supplier and spelling: nothing said about it
        assertThat(SupplierLotRules.sentence(delivery("audit supplies ltd", "AS-2", RAW_A),
                List.of(lot("RAWA-2026-002", "Audit Supplies Ltd", "AS-2", LotStatus.REJECTED, RAW_A)), REASONS))
                .doesNotContain("(supplier lot").doesNotContain("another supplier name");
    }

    @Test
    void recalledComeFirstThenRejectedThenHeldAndTheSentenceStaysWithinAHoldReason() {
        List<Sibling> lots = List.of(
                lot("L1", "S", "X", LotStatus.QUARANTINE, RAW_A),
                lot("L2", "S", "X", LotStatus.REJECTED, RAW_A),
                new Sibling("L3", "S", "X", "BOL", LotStatus.ARCHIVED, true, 3, LotStatus.RECALLED, RAW_A));
        String sentence = SupplierLotRules.sentence(new Delivery("S", "X", RAW_A, null), lots, REASONS);
        assertThat(sentence).isEqualTo("earlier lots of supplier lot X from S were recalled or rejected, or are held by"
                + " QA: L3 was RECALLED (recall RC-2026-003), now ARCHIVED; L2 was REJECTED by QA (Supplier COA does not"
                + " match); L1 is held by QA in QUARANTINE, its disposition not decided (Customer found metal"
                + " particles). This delivery is not used or released until a QA manager decides its disposition");
        assertThat(SupplierLotRules.concerns(lots)).isEqualTo("; lot(s) L3 of the supplier lot were RECALLED;"
                + " lot(s) L2 of the supplier lot were REJECTED; lot(s) L1 of the supplier lot are held by QA"
                + " (QUARANTINE)");

        String longName = "N".repeat(200);
        String longReason = "R".repeat(500);
        SupplierLotRules.Reasons wordy = new SupplierLotRules.Reasons() {
            @Override
            public String recallNumber(long lotId) {
                return null;
            }

            @Override
            public String rejection(long lotId) {
                return longReason;
            }

            @Override
            public String hold(long lotId) {
                return longReason;
            }
        };
        List<Sibling> many = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            many.add(lot("LOT-" + i, longName + i, "X".repeat(64), LotStatus.REJECTED, RAW_A));
        }
        String capped = SupplierLotRules.sentence(new Delivery(longName, "x".repeat(64), RAW_A, "D".repeat(100)), many,
                wordy);
        assertThat(capped.length()).isLessThanOrEqualTo(SupplierLotRules.MAX_SENTENCE);
        assertThat(capped).contains("LOT-0 (supplier lot").contains(" more. This delivery")
                .contains("R".repeat(200) + "...)");
    }

    /** Re-test 27 R2: a supplier lot number is compared by its letters and digits, capitals aside. */
    @Test
    void supplierLotNumbersWrittenWithOtherSpacesDashesOrCapitalsHaveOneKey() {
        for (String spelling : List.of("AS-2", "as-2", "AS 2", "AS2", "AS\u20102", "AS\u20132", "AS\u2014 2",
                "AS\u00a02", "\uff21\uff33-\uff12", " AS-2 ", "A.S/2", "as_2")) {
            assertThat(SupplierLotRules.key(spelling)).as(spelling).isEqualTo("AS2");
        }
        assertThat(SupplierLotRules.key("AS-3")).isNotEqualTo(SupplierLotRules.key("AS-2"));
        assertThat(SupplierLotRules.key("AS-21")).isNotEqualTo(SupplierLotRules.key("AS-2"));
        // letters of other scripts are kept, not folded to nothing; ß in capitals is SS
        assertThat(SupplierLotRules.key("\u0394\u0394-7")).isEqualTo("\u0394\u03947");
        assertThat(SupplierLotRules.key("stra\u00dfe-1")).isEqualTo("STRASSE1");
        // only punctuation: its capitals as they are, never an empty key that every such number would share
        assertThat(SupplierLotRules.key("--")).isEqualTo("--");
        assertThat(SupplierLotRules.key(null)).isNull();
        assertThat(SupplierLotRules.key("\ufdfa".repeat(64)).length()).isLessThanOrEqualTo(SupplierLotRules.MAX_KEY);
        // the spelling, capitals aside: what the one-spelling rule of a supplier still refuses
        assertThat(SupplierLotRules.sameSpelling("as-2", "AS-2")).isTrue();
        assertThat(SupplierLotRules.sameSpelling("AS 2", "AS-2")).isFalse();
    }

    @Test
    void theSentenceNamesALotOfTheSupplierLotWrittenAnotherWay() {
        String sentence = SupplierLotRules.sentence(delivery("Audit Supplies Ltd", "AS 2", RAW_A),
                List.of(lot("RAWA-2025-002", "Audit Supplies Ltd", "AS-2", LotStatus.REJECTED, RAW_A)), REASONS);
        assertThat(sentence).startsWith("earlier lots of supplier lot AS 2 from Audit Supplies Ltd were recalled or"
                + " rejected: RAWA-2025-002 (supplier lot AS 2, written AS-2 on this lot) was REJECTED by QA (Supplier"
                + " COA does not match). This delivery (BOL-NEW)").endsWith("(a supplier lot number written with other"
                        + " spaces, dashes or punctuation counts: supplier lot numbers are compared by their letters"
                        + " and digits)").doesNotContain("another supplier name");
        // another supplier name and spelling: the lot's supplier and spelling, both explanations
        assertThat(SupplierLotRules.sentence(delivery("Audit Supplies Limited", "AS\u20102", RAW_A),
                List.of(lot("RAWA-2025-002", "Audit Supplies Ltd", "AS-2", LotStatus.REJECTED, RAW_A)), REASONS))
                .contains("RAWA-2025-002 (supplier lot AS-2 of Audit Supplies Ltd) was REJECTED")
                .contains("another supplier name counts").contains("other spaces, dashes or punctuation counts");
        // a release names the sibling the same way
        assertThat(SupplierLotRules.siblingWords(delivery("Audit Supplies Ltd", "AS2", RAW_A),
                lot("RAWA-2025-002", "Audit Supplies Ltd", "AS-2", LotStatus.REJECTED, RAW_A), REASONS))
                .isEqualTo("lot RAWA-2025-002 (supplier lot AS2, written AS-2 on this lot) was REJECTED by QA"
                        + " (Supplier COA does not match)");
    }
}
