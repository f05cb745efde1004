package org.wsdepends.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The message size of wrapped endpoints: one key on every runtime, a bounded default, the handler's smaller limit. */
class MessageSizeTest {

    @Test
    void theDefaultIs16MiB() {
        assertThat(MessageSize.of(Settings.of(key -> null, null))).isEqualTo(16L * 1024 * 1024);
    }

    @Test
    void theKeyTakesSizesWithUnitsUpToTheCeiling() {
        assertThat(MessageSize.of(settings("64KiB"))).isEqualTo(65536);
        assertThat(MessageSize.of(settings("2147483633"))).isEqualTo(Integer.MAX_VALUE - 14);
        assertThatThrownBy(() -> MessageSize.of(settings("2GiB"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value \"2GiB\" for org.wsdepends.max-message-size: expected a size in bytes between 1"
                        + " and 2147483633 (for example 1048576 or 1MiB); remove the setting for the default, 16777216");
        assertThatThrownBy(() -> MessageSize.of(settings("0"))).hasMessageContaining("org.wsdepends.max-message-size");
    }

    @Test
    void aHandlersSmallerLimitWinsAndALargerOneDoesNot() {
        assertThat(MessageSize.forHandler(1000, 0)).isEqualTo(1000);
        assertThat(MessageSize.forHandler(1000, -1)).isEqualTo(1000);
        assertThat(MessageSize.forHandler(1000, 10)).isEqualTo(10);
        assertThat(MessageSize.forHandler(1000, 5000)).isEqualTo(1000);
    }

    @Test
    void theCloseReasonUsesTyrussWording() {
        assertThat(MessageSize.tooBig(10, 11))
                .isEqualTo("Message too long; allowed message size is 10 bytes. (Current message length is 11 bytes).");
    }

    private static Settings settings(String value) {
        return Settings.of(Map.of("org.wsdepends.max-message-size", value)::get, null);
    }
}
