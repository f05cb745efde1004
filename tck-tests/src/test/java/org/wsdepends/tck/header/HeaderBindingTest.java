package org.wsdepends.tck.header;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wsdepends.Header;
import org.wsdepends.embedded.WsDependsServer;
import org.wsdepends.embedded.WsTestClient;

/** @Header: case-insensitive names, kebab-case defaults (FastAPI E5), lists, missing headers. */
class HeaderBindingTest {

    static WsDependsServer server;

    @ServerEndpoint("/headers")
    public static class HeadersEndpoint {
        @Inject @Header String xToken;
        @Inject @Header("X-Api-Version") int version;
        @Inject @Header("x-tags") List<String> tags;
        @Inject @Header Optional<String> xClient;

        @OnOpen
        public void open(Session session) throws java.io.IOException {
            session.getBasicRemote().sendText(xToken + " " + version + " " + tags + " " + xClient.orElse("none"));
        }
    }

    @BeforeAll
    static void start() {
        server = WsDependsServer.builder().port(0).endpoints(HeadersEndpoint.class).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void namesAreCaseInsensitiveAndDefaultToKebabCase() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/headers"),
                Map.of("X-TOKEN", "secret", "x-api-version", "2", "X-Tags", "a, b,c"), List.of())) {
            assertThat(client.nextText()).isEqualTo("secret 2 [a, b, c] none");
        }
    }

    @Test
    void aHeaderNamedWithUnderscoresDoesNotCount() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/headers"),
                Map.of("x_token", "secret", "x-api-version", "x"), List.of())) {
            assertThat(client.nextText()).isEqualTo("{\"detail\":["
                    + "{\"type\":\"missing\",\"loc\":[\"header\",\"x-token\"],\"msg\":\"Field required\",\"input\":null},"
                    + "{\"type\":\"int_parsing\",\"loc\":[\"header\",\"X-Api-Version\"],\"msg\":\"Input should be a valid integer, unable to parse string as an integer\",\"input\":\"x\"}]}");
            assertThat(client.nextClose().code()).isEqualTo(1008);
        }
    }
}
