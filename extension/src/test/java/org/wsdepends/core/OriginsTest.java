package org.wsdepends.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** org.wsdepends.allowed-origins (design §5): exact scheme, host in any case, port. */
class OriginsTest {

    @Test
    void unsetAllowsEveryOrigin() {
        assertThat(Origins.of(null).allows("https://evil.example")).isTrue();
        assertThat(Origins.of(" ").allows("https://evil.example")).isTrue();
    }

    @Test
    void onlyListedOriginsAndClientsWithoutOneAreAllowed() {
        Origins origins = Origins.of("https://Chat.Example.com, http://127.0.0.1:8080");

        assertThat(origins.allows("https://chat.example.com")).isTrue();
        assertThat(origins.allows("https://CHAT.example.com:443")).as("the default port as written").isTrue();
        assertThat(origins.allows("http://127.0.0.1:8080")).isTrue();
        assertThat(origins.allows(null)).as("no Origin: not a browser").isTrue();
        assertThat(origins.allows("http://chat.example.com")).as("another scheme").isFalse();
        assertThat(origins.allows("https://chat.example.com:8443")).as("another port").isFalse();
        assertThat(origins.allows("https://evil.example")).isFalse();
        assertThat(origins.allows("null")).as("an opaque origin").isFalse();
        assertThat(origins.allows("https://chat.example.com.evil.example")).isFalse();
    }

    @Test
    void aMalformedEntryFailsNamingTheKey() {
        assertThatThrownBy(() -> Origins.of("https://ok.example, chat.example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("WSD-0402 org.wsdepends.allowed-origins: \"chat.example.com\" is not a valid value. Fix: use"
                        + " comma-separated origins such as https://chat.example.com or http://127.0.0.1:8080, or remove the"
                        + " setting for its default");
    }
}
