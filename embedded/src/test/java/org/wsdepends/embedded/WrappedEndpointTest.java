package org.wsdepends.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wsdepends.Depends;
import org.wsdepends.Path;
import org.wsdepends.Query;

/**
 * The embedded server registers what the wsdepends extension wraps next to what it leaves to Tyrus. The
 * semantics of wrapped endpoints are tested in tck-tests; this only checks they are reachable.
 */
class WrappedEndpointTest {

    private static WsDependsServer server;

    @BeforeAll
    static void start() {
        server = WsDependsServer.builder()
                .port(0)
                .contextPath("/ctx")
                .endpoints(RoomEndpoint.class, EchoEndpoint.class)
                .beans(Names.class, Greeter.class, Recorder.class)
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void servesAWrappedEndpointUnderTheContextPath() throws Exception {
        try (WsTestClient client = WsTestClient.connect(server.uri("/rooms/kitchen?user=ann"))) {
            assertThat(client.send("hi").nextText()).isEqualTo("kitchen: ANN says hi");
        }
    }

    @Test
    void closesAHandshakeThatFailsValidationWith1008() throws Exception {
        try (WsTestClient client = WsTestClient.connect(server.uri("/rooms/kitchen"))) {
            assertThat(client.nextText()).contains("\"missing\"");
            assertThat(client.awaitClose().code()).isEqualTo(1008);
        }
    }

    @Test
    void servesAPlainEndpointInTheSameServer() throws Exception {
        try (WsTestClient client = WsTestClient.connect(server.uri("/echo"))) {
            assertThat(client.send("plain").nextText()).endsWith(": plain");
        }
    }

    @ServerEndpoint("/rooms/{room}")
    public static class RoomEndpoint {
        @Inject
        @Path("room")
        String room;

        @Inject
        @Depends
        String user;

        @OnMessage
        public String onMessage(String text) {
            return room + ": " + user + " says " + text;
        }
    }

    @ApplicationScoped
    public static class Names {
        @Produces
        @Depends
        String user(@Query("user") String user) {
            return user.toUpperCase(java.util.Locale.ROOT);
        }
    }
}
