package org.lotflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist and Cockpit, where the plant's people work, carry lotflow's styles: no vendor end-of-life notice above every
 * page (new user 2026-12-07 F14); Admin, the administrators' app, keeps Camunda's own.
 */
@ApiTest
class WebappStylesApiTest {

    @Autowired
    TestClient api;

    @Test
    void tasklistAndCockpitHideTheVendorNotice() {
        for (String app : new String[] {"tasklist", "cockpit"}) {
            TestClient.Response styles = api.get("jennifer", "/camunda/app/" + app + "/styles/user-styles.css");
            assertThat(styles.status()).as(app).isEqualTo(200);
            assertThat(styles.text()).as(app).contains(".ce-eol-banner {\n  display: none !important;\n}");
        }
        assertThat(api.get("demo", "/camunda/app/admin/styles/user-styles.css").text()).doesNotContain("ce-eol-banner");
    }
}
