package org.lotflow.lot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The 409 of a release refused for a received lot's siblings, without Spring: "it is of supplier lot ..., of which lot
 * Y was REJECTED by QA", the siblings in their own problem property, never among the lots it was made from.
 */
class SourceLotUnfitSiblingsTest {

    static UnfitSource sibling(String lot, LotStatus status, boolean recalled, String words) {
        return new UnfitSource(lot, status, recalled, "supplier lot AS-1 of Audit Supplies Ltd", words);
    }

    @Test
    void aRejectedSiblingIsNamedAsOfTheSameSupplierLotAndTheReleaseIsToBeRefused() {
        SourceLotUnfit refusal = new SourceLotUnfit("RAW-2", List.of(sibling("RAW-1", LotStatus.REJECTED, false,
                "lot RAW-1 was REJECTED by QA (Contamination confirmed)")));
        assertThat(refusal.getMessage()).isEqualTo("Lot RAW-2 cannot be released: it is of supplier lot AS-1 of Audit"
                + " Supplies Ltd, of which lot RAW-1 was REJECTED by QA (Contamination confirmed). Refuse its release"
                + " instead (the lot becomes REJECTED)");
        assertThat(refusal.properties().get("unfitSiblingLots")).isEqualTo(List.of("RAW-1 (REJECTED)"));
        assertThat(refusal.properties().get("unfitSourceLots")).isEqualTo(List.of());
        assertThat(refusal.properties().get("rejectedSourceLots")).isEqualTo(List.of());
    }

    @Test
    void aHeldSiblingOnlyMakesTheReleaseWaitAndASourceAndASiblingAreBothSaid() {
        SourceLotUnfit waits = new SourceLotUnfit("RAW-2", List.of(sibling("RAW-1", LotStatus.QUARANTINE, false,
                "lot RAW-1 is held by QA in QUARANTINE, its disposition not decided")));
        assertThat(waits.getMessage()).contains("Its release waits for QA's disposition of the held lot");

        SourceLotUnfit both = new SourceLotUnfit("FG-1", List.of(new UnfitSource("RM-1", LotStatus.RECALLED, true),
                sibling("RAW-1", LotStatus.RECALLED, true, "lot RAW-1 was RECALLED (recall RC-1)")));
        assertThat(both.getMessage()).isEqualTo("Lot FG-1 cannot be released: it was made from lot RM-1, which was"
                + " RECALLED; and it is of supplier lot AS-1 of Audit Supplies Ltd, of which lot RAW-1 was RECALLED"
                + " (recall RC-1). Refuse its release instead (the lot becomes REJECTED)");
        assertThat(both.properties().get("recalledSourceLots")).isEqualTo(List.of("RM-1"));
        assertThat(both.properties().get("unfitSiblingLots")).isEqualTo(List.of("RAW-1 (RECALLED)"));
    }
}
