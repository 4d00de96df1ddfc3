package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Re-test 2026-12-06 Y10: during start-up /api answered before the users existed, so correct passwords were recorded
 * as failed logins and an id was locked before its account was created. Until the application is ready, every call is
 * 503 and nothing is looked up or recorded.
 */
class ApiAuthenticationStartupTest {

    @Test
    void untilReadyEveryCallIs503AndNothingIsCheckedOrRecorded() throws Exception {
        AtomicBoolean ready = new AtomicBoolean(false);
        // no identity service, throttle or trail: a call that reached them would fail this test
        ApiAuthenticationFilter filter = new ApiAuthenticationFilter(null, "default", null, null, null, "api", true, null)
                .answeringWhen(ready::get);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/lots");
        request.setRequestURI("/api/lots");
        request.addHeader("Authorization", "Basic dG9tOnRvbQ==");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("lotflow is starting");
        assertThat(chain.getRequest()).as("not passed on").isNull();
    }
}
