package org.wsdepends.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import org.junit.jupiter.api.Test;
import org.wsdepends.Query;

/** The builder methods for the extension's settings (design §3: the embedded builder has one per key). */
class ExtensionSettingsTest {

    public record Item(String name, List<Object> tags) {
    }

    @ServerEndpoint("/items")
    public static class Items {
        @OnMessage
        public String add(Item item, @Query("shop") String shop) {
            return shop + ":" + item.name();
        }
    }

    @RequestScoped
    public static class PerCallback {
        public String name() {
            return "request";
        }
    }

    /** Uses no wsdepends annotation, but a request-scoped bean: only wsdepends activates the context in @OnMessage. */
    @ServerEndpoint("/plain")
    public static class Plain {
        @Inject PerCallback perCallback;

        @OnMessage
        public String echo(String text) {
            return text + " " + perCallback.name();
        }
    }

    @Test
    void allowedOriginsRefuseOtherBrowsersWith403() throws Exception {
        try (WsDependsServer server = WsDependsServer.builder().port(0).endpoints(Items.class)
                .allowedOrigins("https://shop.example").start()) {
            try (WsTestClient client = WsTestClient.connect(server.uri("/items?shop=a"), Map.of("Origin", "https://shop.example"),
                    List.of())) {
                client.sendText("{\"name\":\"tea\",\"tags\":[]}");
                assertThat(client.nextText()).isEqualTo("a:tea");
            }
            Throwable refused = catchThrowable(() -> WsTestClient.connect(server.uri("/items?shop=a"),
                    Map.of("Origin", "https://evil.example"), List.of()).close());
            assertThat(refused).rootCause().hasMessage("Unexpected HTTP response status code 403");
        }
    }

    @Test
    void theJsonBoundsAreSettable() throws Exception {
        try (WsDependsServer server = WsDependsServer.builder().port(0).endpoints(Items.class).maxJsonDepth(2)
                .maxJsonNumberLength(3).start()) {
            try (WsTestClient client = WsTestClient.connect(server.uri("/items?shop=a"))) {
                client.sendText("{\"name\":\"tea\",\"tags\":[[1]]}");
                assertThat(client.nextClose()).isEqualTo(new WsTestClient.Closed(1009, "JSON nested deeper than 2 levels"));
            }
            try (WsTestClient client = WsTestClient.connect(server.uri("/items?shop=a"))) {
                client.sendText("{\"name\":\"tea\",\"tags\":[1234]}");
                assertThat(client.nextClose()).isEqualTo(new WsTestClient.Closed(1009, "JSON number too long or too large"));
            }
        }
    }

    @Test
    void wrapAllWrapsAPlainEndpoint() throws Exception {
        try (WsDependsServer server = WsDependsServer.builder().port(0).endpoints(Plain.class).beans(PerCallback.class)
                .wrapAll(true).start(); WsTestClient client = WsTestClient.connect(server.uri("/plain"))) {
            client.sendText("x");
            assertThat(client.nextText()).isEqualTo("x request");
        }
        try (WsDependsServer server = WsDependsServer.builder().port(0).endpoints(Plain.class).beans(PerCallback.class)
                .wrapAll(false).start(); WsTestClient client = WsTestClient.connect(server.uri("/plain"))) {
            client.sendText("x");
            assertThat(client.silentFor(java.time.Duration.ofSeconds(1))).as("Tyrus's own dispatch has no request context:"
                    + " the call fails and nothing is sent").isTrue();
        }
    }

    @Test
    void rejectBeforeUpgradeAnswersAFailedHandshakeWithItsHttpStatus() {
        String missing = "[{\"type\":\"missing\",\"loc\":[\"query\",\"shop\"],\"msg\":\"Field required\",\"input\":null}]";
        try (WsDependsServer server = WsDependsServer.builder().port(0).endpoints(Items.class).rejectBeforeUpgrade(true)
                .start(); WsTestClient client = WsTestClient.of(server)) {
            WsTestClient.HttpAnswer answer = client.connect("/items").expectHttpStatus(422);
            assertThat(answer.header("Content-Type")).isEqualTo("application/json");
            assertThat(answer.body()).isEqualTo("{\"detail\":" + missing + "}");
        }
        try (WsDependsServer server = WsDependsServer.builder().port(0).endpoints(Items.class).rejectBeforeUpgrade(false)
                .start(); WsTestClient client = WsTestClient.connect(server.uri("/items"))) {
            assertThat(client.nextText()).isEqualTo("{\"detail\":" + missing + "}");
            assertThat(client.nextClose()).isEqualTo(new WsTestClient.Closed(1008, missing));
        }
    }
}
