package org.lotflow.lot.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotflow.lot.LotStatus;
import org.lotflow.lot.internal.SupplierLotRules.Delivery;
import org.lotflow.lot.internal.SupplierLotRules.Sibling;

/**
 * The receipt's rule applied to a release, without Spring or a database: which siblings of a lot received PENDING keep
 * its release from being carried out (another lot of its supplier lot RECALLED, REJECTED or held; never itself, never
 * one merely PENDING or RELEASED), and the words that say so ("is of supplier lot ..., of which ...", never "made
 * from").
 */
class SupplierLotSiblingsRulesTest {

    static final long RAW_A = 1;
    static final long RAW_B = 2;

    static Sibling lot(String number, long id, String supplier, LotStatus status, long product) {
        return new Sibling(number, supplier, "AS-1", "BOL-" + number, status, false, id, null, product);
    }

    static final Delivery OWN = new Delivery("Audit Supplies Ltd", "AS-1", RAW_A, "BOL-2");

    @Test
    void theLotItselfAndSiblingsMerelyPendingOrReleasedDoNotConcernRecalledRejectedAndHeldDo() {
        Sibling self = lot("RAW-2", 2, "Audit Supplies Ltd", LotStatus.PENDING, RAW_A);
        Sibling pending = lot("RAW-3", 3, "Audit Supplies Ltd", LotStatus.PENDING, RAW_A);
        Sibling released = lot("RAW-4", 4, "Audit Supplies Ltd", LotStatus.RELEASED, RAW_A);
        Sibling held = lot("RAW-5", 5, "Audit Supplies Ltd", LotStatus.QUARANTINE, RAW_A);
        Sibling rejected = lot("RAW-6", 6, "audit supplies ltd", LotStatus.REJECTED, RAW_B);
        Sibling recalled = lot("RAW-7", 7, "Audit Supplies Limited", LotStatus.RECALLED, RAW_A);
        Sibling archivedRejected = new Sibling("RAW-8", "Audit Supplies Ltd", "AS-1", "BOL-8", LotStatus.ARCHIVED,
                false, 8, LotStatus.REJECTED, RAW_A);
        // another supplier's lot of another product with the same code: another material
        Sibling stranger = lot("OTH-1", 9, "Other Oils Inc", LotStatus.REJECTED, RAW_B);

        List<Sibling> unfit = SupplierLotRules.unfitSiblings(OWN, 2, List.of(self, pending, released, held, rejected,
                recalled, archivedRejected, stranger));

        assertThat(unfit).extracting(Sibling::lotNumber).containsExactly("RAW-7", "RAW-6", "RAW-8", "RAW-5");
    }

    @Test
    void aLotHeldItselfIsNeverItsOwnSibling() {
        Sibling self = lot("RAW-2", 2, "Audit Supplies Ltd", LotStatus.QUARANTINE, RAW_A);
        assertThat(SupplierLotRules.unfitSiblings(OWN, 2, List.of(self))).isEmpty();
    }

    @Test
    void theWordsSayTheLotIsOfTheSupplierLotOfWhichTheSiblingWasRejectedNotMadeFromIt() {
        SupplierLotRules.Reasons reasons = new SupplierLotRules.Reasons() {
            @Override
            public String recallNumber(long lotId) {
                return "RC-2026-001";
            }

            @Override
            public String rejection(long lotId) {
                return "Contamination confirmed";
            }

            @Override
            public String hold(long lotId) {
                return "Customer found metal particles";
            }
        };
        Sibling rejected = lot("RAW-1", 1, "Audit Supplies Ltd", LotStatus.REJECTED, RAW_A);
        Sibling held = lot("RAW-5", 5, "Audit Supplies Limited", LotStatus.QUARANTINE, RAW_A);
        String sentence = SupplierLotRules.releaseSentence("lot RAW-2", SupplierLotRules.supplierLot(OWN), List.of(
                SupplierLotRules.siblingWords(OWN, rejected, reasons), SupplierLotRules.siblingWords(OWN, held,
                        reasons)));

        assertThat(sentence).isEqualTo("lot RAW-2 is of supplier lot AS-1 of Audit Supplies Ltd, of which lot RAW-1"
                + " was REJECTED by QA (Contamination confirmed); and lot RAW-5 (supplier lot AS-1 of Audit Supplies"
                + " Limited) is held by QA in QUARANTINE, its disposition not decided (Customer found metal"
                + " particles)");
        assertThat(sentence).doesNotContain("made from");
        assertThat(SupplierLotRules.releaseSentence("it", "supplier lot AS-1 of X", List.of())).isNull();
    }

    @Test
    void theSentenceNamesAtMostFiveAndStaysShortEnoughForAHoldReason() {
        List<String> words = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            words.add("lot L-" + i + " was REJECTED by QA (" + "R".repeat(400) + ")");
        }
        String sentence = SupplierLotRules.releaseSentence("lot RAW-2", "supplier lot AS-1 of Audit Supplies Ltd",
                words);
        assertThat(sentence.length()).isLessThanOrEqualTo(SupplierLotRules.MAX_RELEASE_SENTENCE);
        assertThat(sentence).startsWith("lot RAW-2 is of supplier lot AS-1 of Audit Supplies Ltd, of which lot L-0")
                .contains(" more");
        assertThat(SupplierLotRules.releaseSentence("it", "supplier lot AS-1 of Audit Supplies Ltd", words.subList(0,
                1))).doesNotContain("more");
    }
}
