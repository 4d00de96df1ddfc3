package org.lotflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo a newcomer sees at first start: the seed's IL-250 lots and the recall story's genealogy. */
@ApiTest
class DemoDataTest {

    @Autowired
    TestClient api;

    @Test
    void theSeedsLotsAreReleasedWithTheSeedsQuantities() {
        for (String lot : new String[] {"IL250-2024-089", "IL250-2024-092", "IL250-2025-001"}) {
            JsonNode view = api.get("tom", "/api/lots/" + lot).json();
            assertThat(view.get("sku").asText()).isEqualTo("IL-250-55GAL");
            assertThat(new BigDecimal(view.get("quantity").asText())).isEqualByComparingTo("500");
        }
        JsonNode lot089 = api.get("tom", "/api/lots/IL250-2024-089").json();
        assertThat(new BigDecimal(lot089.get("shipped").asText())).isEqualByComparingTo("65");
        assertThat(new BigDecimal(lot089.get("allocated").asText())).isEqualByComparingTo("150");
        assertThat(new BigDecimal(lot089.get("available").asText())).isEqualByComparingTo("285");
        assertThat(api.get("mike", "/api/lots/IL250-2024-089/history").json()).extracting(e -> e.get("type").asText())
                .contains("CREATED", "LAB_RESULTS_RECORDED", "RELEASE_APPROVED", "STATUS_CHANGED");
    }

    @Test
    void whoGotTheContaminatedBaseOilIsOneCallAway() {
        JsonNode trace = api.get("rachel", "/api/lots/RM-2025-015/trace?direction=downstream").json();
        assertThat(trace.get("lots")).extracting(l -> l.get("lotNumber").asText())
                .containsExactly("RM-2025-015", "IL250P-2025-002");
        assertThat(trace.get("customers")).extracting(c -> c.get("customer").asText() + ":"
                + new BigDecimal(c.get("quantity").asText()).stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("Metro Manufacturing:50", "Allied Machining:30");
        JsonNode pails = api.get("tom", "/api/lots/IL250P-2025-002").json();
        assertThat(pails.get("status").asText()).isEqualTo("RELEASED");
        assertThat(new BigDecimal(pails.get("allocated").asText())).isEqualByComparingTo("40");
        assertThat(api.get("tom", "/api/lots/RM-2025-015").json().get("sourceLots")).isEmpty();
    }
}
