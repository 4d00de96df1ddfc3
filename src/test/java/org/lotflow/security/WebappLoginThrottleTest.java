package org.lotflow.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the webapps' lockout reads the user id out of a login form (no Spring, no engine). */
class WebappLoginThrottleTest {

    private static String field(String body, String charset) {
        return WebappLoginThrottle.formField(body.getBytes(UTF_8), charset, "username");
    }

    @Test
    void readsTheUserIdAsCamundasLoginReadsIt() {
        assertThat(field("username=sarah&password=sarah", null)).isEqualTo("sarah");
        assertThat(field("password=x%26username%3Dtom&username=jennifer", "UTF-8")).isEqualTo("jennifer");
        assertThat(field("username=j%C3%BCrgen+m", "UTF-8")).isEqualTo("jürgen m");
        assertThat(field("username=&password=x", null)).isEmpty();
        assertThat(field("username=first&username=second", null)).isEqualTo("first");
    }

    @Test
    void noUserIdWhenTheFormHasNone() {
        assertThat(field("", null)).isNull();
        assertThat(field("password=sarah", null)).isNull();
        assertThat(field("user=sarah", "no-such-charset")).isNull();
        assertThat(field("username=%zz", null)).isNull();
    }
}
