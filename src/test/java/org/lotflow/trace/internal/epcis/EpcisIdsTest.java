package org.lotflow.trace.internal.epcis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

/** LGTIN where the product has a GTIN, lotflow's URIs elsewhere; the plant's SGLN/PGLN from its GLN. */
class EpcisIdsTest {

    EpcisIds gs1 = new EpcisIds("https://id.il-lubricants.example/plant-1/", "0614141000012", "0614141");

    @Test
    void aLotOfAProductWithGtinIsAnLgtin() {
        assertThat(gs1.lotClass("00614141250059", "IL250P-2025-002"))
                .isEqualTo("https://id.gs1.org/01/00614141250059/10/IL250P-2025-002");
    }

    @Test
    void otherLotsAreLotflowsUris() {
        assertThat(gs1.lotClass(null, "RM-2025-015")).isEqualTo("https://id.il-lubricants.example/plant-1/lots/RM-2025-015");
        // longer than AI 10's 20 characters: lotflow's URI, never a cut lot number
        assertThat(gs1.lotClass("00614141250059", "LOT-2025-000000000001"))
                .isEqualTo("https://id.il-lubricants.example/plant-1/lots/LOT-2025-000000000001");
        assertThat(EpcisIds.fitsAi10("A/B-1")).isTrue();
        assertThat(EpcisIds.fitsAi10("Lot ü")).isFalse();
    }

    @Test
    void theLotNumberIsPercentEncoded() {
        assertThat(gs1.lotClass("00614141250059", "A/B 1")).isEqualTo(
                "https://id.il-lubricants.example/plant-1/lots/A%2FB%201");
        assertThat(gs1.lotClass("00614141250059", "A/B-1")).isEqualTo("https://id.gs1.org/01/00614141250059/10/A%2FB-1");
        assertThat(gs1.customer("Metro Manufacturing, 55 Mill St")).isEqualTo(
                "https://id.il-lubricants.example/plant-1/parties/customers/Metro%20Manufacturing%2C%2055%20Mill%20St");
        assertThat(URI.create(gs1.supplier("Gülf \"Coast\" <Oils>")).isAbsolute()).isTrue();
    }

    @Test
    void thePlantIsItsSglnAndPgln() {
        assertThat(gs1.plantLocation()).isEqualTo("urn:epc:id:sgln:0614141.00001.0");
        assertThat(gs1.plantParty()).isEqualTo("urn:epc:id:pgln:0614141.00001");
        EpcisIds glnOnly = new EpcisIds("https://x.example", "0614141000012", null);
        assertThat(glnOnly.plantLocation()).isEqualTo("https://id.gs1.org/414/0614141000012");
        assertThat(glnOnly.plantParty()).isEqualTo("https://id.gs1.org/417/0614141000012");
        EpcisIds none = new EpcisIds("https://x.example", null, null);
        assertThat(none.plantLocation()).isEqualTo("https://x.example/locations/plant");
        assertThat(none.plantParty()).isEqualTo("https://x.example/parties/plant");
    }

    @Test
    void aStatusChangeIsNamedByItsHistoryRecordForEver() {
        assertThat(gs1.statusChange("RM-2025-015", 4711)).isEqualTo(
                "https://id.il-lubricants.example/plant-1/events/lots/RM-2025-015/status-changes/4711");
        assertThat(gs1.statusChange("RM-2025-015", 4711)).as("the same change, the same id")
                .isEqualTo(new EpcisIds("https://id.il-lubricants.example/plant-1", "0614141000012", "0614141")
                        .statusChange("RM-2025-015", 4711));
        assertThat(gs1.statusChange("RM-2025-015", 4712)).isNotEqualTo(gs1.statusChange("RM-2025-015", 4711));
        assertThat(gs1.statusChange("RM-2025-015", 4711)).as("never a lot's receiving, making or shipment")
                .isNotIn(gs1.event("lots", "RM-2025-015", "receiving"), gs1.event("lots", "RM-2025-015", "commissioning"));
        assertThat(gs1.statusChange("A/B 1", 1)).isEqualTo(
                "https://id.il-lubricants.example/plant-1/events/lots/A%2FB%201/status-changes/1");
        assertThat(URI.create(gs1.statusChange("Lot ü", 1)).isAbsolute()).isTrue();
    }

    @Test
    void theBaseMustBeAnAbsoluteHttpUri() {
        assertThatThrownBy(() -> new EpcisIds("id.example.com/plant", null, null))
                .hasMessageStartingWith("lotflow.epcis.id-base:");
        assertThatThrownBy(() -> new EpcisIds("urn:lotflow", null, null)).hasMessageStartingWith("lotflow.epcis.id-base:");
    }
}
