package org.lotflow.console.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link ConsoleController#safeNext}: after the login, only a page of the Console, never a way out of it. */
class ConsoleLoginNextTest {

    @Test
    void aConsolePageIsKept() {
        assertThat(ConsoleController.safeNext("/console/lots/new")).isEqualTo("/console/lots/new");
        assertThat(ConsoleController.safeNext("/console/lots?status=RELEASED&after=12"))
                .isEqualTo("/console/lots?status=RELEASED&after=12");
        assertThat(ConsoleController.safeNext("/console/lots/IL250-2024.089")).isEqualTo("/console/lots/IL250-2024.089");
    }

    /** Auditor 2026-12-07 25 F5: {@code /console/../camunda/app/admin/} led to the Admin webapp after a login. */
    @Test
    void dotSegmentsPlainOrEncodedLeadToTheLotList() {
        for (String out : new String[] {"/console/../camunda/app/admin/", "/console/./../engine-rest/user",
                "/console/%2e%2e/camunda/app/admin/", "/console/%2E%2E/camunda", "/console/..%2fcamunda",
                "/console/lots/..", "/console/..;/camunda", "/console/.\t./camunda/app/admin/",
                "/console/.\r\n./camunda", "/console/lots\u0000", "/console/lots%5c..%5c..", "https://evil.example/console/",
                "//evil.example/console/", "/camunda/app/admin/", null}) {
            assertThat(ConsoleController.safeNext(out)).as(out).isEqualTo("/console/lots");
        }
    }
}
