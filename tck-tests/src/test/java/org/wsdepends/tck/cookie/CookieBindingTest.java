package org.wsdepends.tck.cookie;

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
import org.wsdepends.Cookie;
import org.wsdepends.embedded.WsDependsServer;
import org.wsdepends.embedded.WsTestClient;

/** @Cookie: RFC 6265 parsing of the Cookie header, quoted values, missing and invalid cookies. */
class CookieBindingTest {

    static WsDependsServer server;

    @ServerEndpoint("/cookies")
    public static class CookiesEndpoint {
        @Inject @Cookie("session") String session;
        @Inject @Cookie int visits;
        @Inject @Cookie("theme") Optional<String> theme;

        @OnOpen
        public void open(Session connection) throws java.io.IOException {
            connection.getBasicRemote().sendText(session + " " + visits + " " + theme.orElse("default"));
        }
    }

    @BeforeAll
    static void start() {
        server = WsDependsServer.builder().port(0).endpoints(CookiesEndpoint.class).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void cookiesAreReadFromTheCookieHeader() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/cookies"),
                Map.of("Cookie", "session=\"abc=1\"; visits=3; other"), List.of())) {
            assertThat(client.nextText()).isEqualTo("abc=1 3 default");
        }
    }

    @Test
    void missingAndInvalidCookiesAreReported() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/cookies"), Map.of("Cookie", "visits=many"), List.of())) {
            assertThat(client.nextText()).isEqualTo("{\"detail\":["
                    + "{\"type\":\"missing\",\"loc\":[\"cookie\",\"session\"],\"msg\":\"Field required\",\"input\":null},"
                    + "{\"type\":\"int_parsing\",\"loc\":[\"cookie\",\"visits\"],\"msg\":\"Input should be a valid integer, unable to parse string as an integer\",\"input\":\"many\"}]}");
            assertThat(client.nextClose().code()).isEqualTo(1008);
        }
    }
}
