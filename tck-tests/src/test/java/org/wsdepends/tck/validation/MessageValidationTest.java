package org.wsdepends.tck.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wsdepends.Query;
import org.wsdepends.embedded.WsDependsServer;
import org.wsdepends.embedded.WsTestClient;

/** Typed JSON messages (design §3): JSON-B decoding and encoding, @Valid errors keep the connection open, bad JSON closes 1007. */
class MessageValidationTest {

    static WsDependsServer server;

    public static class Order {
        @NotBlank
        public String item;
        @Min(1)
        public int quantity;
        @Size(max = 3)
        public String note;
    }

    public record Receipt(String item, int quantity) {
    }

    @ServerEndpoint("/orders")
    public static class OrdersEndpoint {
        @OnMessage
        public Receipt order(@Valid Order order, @Query("shop") String shop) {
            return new Receipt(shop + ":" + order.item, order.quantity);
        }
    }

    @BeforeAll
    static void start() {
        server = WsDependsServer.builder().port(0).endpoints(OrdersEndpoint.class).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void jsonMessagesAreDecodedAndResultsEncoded() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/orders?shop=s1"))) {
            client.sendText("{\"item\":\"tea\",\"quantity\":2}");
            assertThat(client.nextText()).isEqualTo("{\"item\":\"s1:tea\",\"quantity\":2}");
        }
    }

    @Test
    void constraintViolationsSendAnErrorFrameAndKeepTheConnectionOpen() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/orders?shop=s1"))) {
            client.sendText("{\"item\":\" \",\"quantity\":0,\"note\":\"toolong\"}");
            assertThat(client.nextText()).isEqualTo("{\"detail\":["
                    + "{\"type\":\"not_blank\",\"loc\":[\"body\",\"item\"],\"msg\":\"must not be blank\",\"input\":\" \"},"
                    + "{\"type\":\"string_too_long\",\"loc\":[\"body\",\"note\"],\"msg\":\"String should have at most 3 characters\",\"input\":\"toolong\",\"ctx\":{\"max_length\":3}},"
                    + "{\"type\":\"greater_than_equal\",\"loc\":[\"body\",\"quantity\"],\"msg\":\"Input should be greater than or equal to 1\",\"input\":0,\"ctx\":{\"ge\":1}}"
                    + "]}");
            client.sendText("{\"item\":\"tea\",\"quantity\":1}");
            assertThat(client.nextText()).isEqualTo("{\"item\":\"s1:tea\",\"quantity\":1}");
        }
    }

    @Test
    void malformedJsonClosesWith1007() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/orders?shop=s1"))) {
            client.sendText("{not json");
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(1007);
            assertThat(closed.reason()).startsWith("Invalid JSON for Order");
            assertThat(closed.reason().getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(123);
        }
    }
}
