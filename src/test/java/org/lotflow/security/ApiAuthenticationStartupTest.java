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

    /**
     * New user 28 M1: the Console's and Tasklist's logins said "The user name or the password is wrong" for a correct
     * password during start-up, and counted it. Until ready: Tasklist's login is 503, the Console's login says lotflow is
     * starting, and neither checks a password or records anything.
     */
    @Test
    void untilReadyTheWebappLoginsAre503AndNothingIsCheckedOrRecorded() throws Exception {
        AtomicBoolean ready = new AtomicBoolean(false);
        WebappLoginThrottle tasklist = new WebappLoginThrottle(null, null).answeringWhen(ready::get);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/camunda/api/admin/auth/user/default/login/tasklist");
        request.setContentType("application/x-www-form-urlencoded");
        request.setContent("username=mike&password=mike".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        tasklist.doFilter(request, response, chain);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).contains("lotflow is starting");
        assertThat(chain.getRequest()).as("not passed on").isNull();

        org.camunda.bpm.engine.ProcessEngine engine = org.mockito.Mockito.mock(org.camunda.bpm.engine.ProcessEngine.class);
        org.camunda.bpm.engine.IdentityService identity = org.mockito.Mockito.mock(
                org.camunda.bpm.engine.IdentityService.class);
        org.mockito.Mockito.when(engine.getIdentityService()).thenReturn(identity);
        org.springframework.boot.availability.ApplicationAvailability availability = org.mockito.Mockito.mock(
                org.springframework.boot.availability.ApplicationAvailability.class);
        org.mockito.Mockito.when(availability.getReadinessState())
                .thenReturn(org.springframework.boot.availability.ReadinessState.REFUSING_TRAFFIC);
        // no throttle or trail: a login that reached them would fail this test
        WebappLogin console = new WebappLogin(engine, null, null, availability);
        assertThat(console.login(new MockHttpServletRequest("POST", "/console/login"), "mike", "mike").result())
                .isEqualTo(WebappLogin.Result.STARTING);
        org.mockito.Mockito.verifyNoInteractions(identity);
    }
}
