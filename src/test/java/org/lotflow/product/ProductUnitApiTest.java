package org.lotflow.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Auditor finding (EPCIS quantities): a product's unit is a measure or a count of packages lotflow knows
 * ({@link ProductUnits}), so no quantity of its lots is read as another (12.5 {@code MT} was exported as 12.5 items).
 * An unknown unit, or one naming several units ({@code ton}), is 400 naming {@code unit} with a sentence saying what
 * to write, and nothing is created.
 */
@ApiTest
class ProductUnitApiTest {

    @Autowired
    TestClient api;

    private Response create(String sku, String unit) {
        return api.post("mike", "/api/products", Map.of("sku", sku, "name", "Base oil bulk " + sku, "unit", unit,
                "shelfLifeMonths", 24, "lotNumberPattern", sku + "-{yyyy}-{seq:3}",
                "specs", List.of(Map.of("test", "viscosity40C", "unit", "cSt", "min", 198, "max", 242))));
    }

    private static String sku() {
        return "UN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private void refused(String unit, String... sentence) {
        String sku = sku();
        Response r = create(sku, unit);
        assertThat(r.status()).as(unit + ": " + r).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().get("field").asText()).isEqualTo("unit");
        assertThat(r.json().get("detail").asText()).as(unit).contains(sentence);
        assertThat(api.get("tom", "/api/products/" + sku).status()).as("nothing created").isEqualTo(404);
    }

    @Test
    void aUnitLotflowDoesNotKnowIsRefusedNamingItAndMeasuresAndPackageWordsAreTaken() {
        refused("xyz", "lotflow does not know whether 'xyz' is a measure or a count of packages",
                "t (metric tonnes)", "drums, pails");
        refused("tank", "'tank'");
        refused("Stück", "'Stück'");
        // measures and package words are taken, kept as typed
        for (String unit : new String[] {"MT", "t", "kg", "L", "gal", "fl oz", "bbl", "short ton", "IBCs", "drums",
                "boxes", "pcs", "each", "tablets", "vials"}) {
            Response r = create(sku(), unit);
            assertThat(r.status()).as(unit + ": " + r).isEqualTo(201);
            assertThat(r.json().get("unit").asText()).isEqualTo(unit);
        }
    }

    @Test
    void aUnitNamingSeveralUnitsIsRefusedSayingWhatToWrite() {
        refused("ton", "'ton' names different weights", "t or MT for metric tonnes", "short ton", "long ton");
        refused("tons", "'tons'", "short ton");
        refused("ounces", "oz", "fl oz");
        refused("barrels", "bbl", "drums");
    }
}
