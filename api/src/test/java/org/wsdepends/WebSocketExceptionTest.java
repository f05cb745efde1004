package org.wsdepends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebSocketExceptionTest {

    @ParameterizedTest
    @ValueSource(ints = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 3999, 4000, 4999})
    void sendableCodesAreAccepted(int code) {
        WebSocketException exception = new WebSocketException(code, "r");

        assertThat(exception.code()).isEqualTo(code);
        assertThat(exception.reason()).isEqualTo("r");
    }

    @ParameterizedTest
    @ValueSource(ints = {1004, 1005, 1006, 1015, 1016, 2999, 999, 0, -1, 5000, 65535})
    void reservedAndOutOfRangeCodesAreRefused(int code) {
        assertThatThrownBy(() -> new WebSocketException(code, "r"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Close code " + code + " cannot be sent in a close frame (RFC 6455 section 7.4): use 1000-1003, 1007-1014"
                        + " or 3000-4999, e.g. 1008 (policy violation) or a 4000-4999 application code");
        assertThatThrownBy(() -> new WebSocketException(code)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullReasonIsEmpty() {
        WebSocketException exception = new WebSocketException(1008, null);

        assertThat(exception.reason()).isEmpty();
        assertThat(exception.getMessage()).isEqualTo("WebSocket close 1008");
    }

    @Test
    void codeOnlyConstructorHasAnEmptyReason() {
        WebSocketException exception = new WebSocketException(4001);

        assertThat(exception.code()).isEqualTo(4001);
        assertThat(exception.reason()).isEmpty();
        assertThat(exception.getMessage()).isEqualTo("WebSocket close 4001");
    }

    @Test
    void messageNamesCodeAndReason() {
        assertThat(new WebSocketException(1008, "Invalid token").getMessage()).isEqualTo("WebSocket close 1008: Invalid token");
        assertThat(new WebSocketException(1008, "").getMessage()).isEqualTo("WebSocket close 1008");
    }

    @Test
    void longReasonsAreKeptInFull() {
        String reason = "é".repeat(200);

        assertThat(new WebSocketException(4000, reason).reason()).isEqualTo(reason);
    }

    @Test
    void isUnchecked() {
        assertThat(new WebSocketException(1000)).isInstanceOf(RuntimeException.class);
    }
}
