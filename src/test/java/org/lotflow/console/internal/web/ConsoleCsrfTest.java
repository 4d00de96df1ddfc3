package org.lotflow.console.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Console's CSRF token rule, without Spring. */
class ConsoleCsrfTest {

    @Test
    void aCsrfTokenMatchesOnlyItsOwnSession() {
        org.springframework.mock.web.MockHttpSession one = new org.springframework.mock.web.MockHttpSession();
        org.springframework.mock.web.MockHttpSession two = new org.springframework.mock.web.MockHttpSession();
        String token = ConsoleCsrf.token(one);
        assertThat(ConsoleCsrf.token(one)).isEqualTo(token);
        assertThat(ConsoleCsrf.matches(one, token)).isTrue();
        assertThat(ConsoleCsrf.matches(two, token)).isFalse();
        assertThat(ConsoleCsrf.matches(one, null)).isFalse();
        assertThat(ConsoleCsrf.matches(null, token)).isFalse();
        assertThat(ConsoleCsrf.isSafe("GET")).isTrue();
        assertThat(ConsoleCsrf.isSafe("POST")).isFalse();
    }
}
