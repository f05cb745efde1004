package org.wsdepends.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.WebSocketHandshakeException;
import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import org.glassfish.tyrus.spi.UpgradeResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A handshake the endpoint refuses gets a complete HTTP answer at once (research/embedded.md #11: on Tyrus's own
 * Grizzly container the JDK client waits for a body until its timeout).
 */
class RejectedHandshakeTest {

    private static WsDependsServer server;

    @BeforeAll
    static void start() {
        server = WsDependsServer.builder().port(0)
                .endpoints(OriginChecked.class, UnauthorizedEndpoint.class, EchoEndpoint.class)
                .beans(Greeter.class, Recorder.class)
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aRefusedOriginGets403Promptly() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> WsTestClient.connect(server.uri("/origin-checked")))
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
                        .isEqualTo(403));
        assertThat(System.nanoTime() - started).isLessThan(Duration.ofMillis(2_500).toNanos());
    }

    @Test
    void aStatusSetByAConfiguratorRefusesTheHandshakeWithoutOpeningASession() throws Exception {
        Recorder recorder = Recorder.of(server);

        assertThatThrownBy(() -> WsTestClient.connect(server.uri("/unauthorized")))
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
                        .isEqualTo(401));
        assertThat(recorder.events()).doesNotContain("unauthorized opened");
    }

    @Test
    void expectHttpStatusAssertsTheRefusalBeforeTheUpgrade() {
        try (WsTestClient client = WsTestClient.of(server)) {
            assertThat(client.connect("/unauthorized").expectHttpStatus(401).body()).isEmpty();
            client.connect("/origin-checked").header("Origin", "http://elsewhere.example").expectHttpStatus(403);
        }
        assertThat(Recorder.of(server).events()).doesNotContain("unauthorized opened");
    }

    @Test
    void otherEndpointsStillWorkAfterARefusal() throws Exception {
        assertThatThrownBy(() -> WsTestClient.connect(server.uri("/origin-checked")));
        try (WsTestClient client = WsTestClient.connect(server.uri("/echo"))) {
            assertThat(client.send("still here").nextText()).endsWith(": still here");
        }
    }

    /** Refuses every origin. */
    public static class RefuseAll extends ServerEndpointConfig.Configurator {
        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return false;
        }
    }

    /** Answers 401 through Tyrus's own response API, as research/embedded.md #11 tried. */
    public static class Unauthorized extends ServerEndpointConfig.Configurator {
        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request,
                                    HandshakeResponse response) {
            ((UpgradeResponse) response).setStatus(401);
        }
    }

    @ServerEndpoint(value = "/unauthorized", configurator = Unauthorized.class)
    public static class UnauthorizedEndpoint {
        @Inject
        Recorder recorder;

        @OnOpen
        public void open() {
            recorder.add("unauthorized opened");
        }
    }

    @ServerEndpoint(value = "/origin-checked", configurator = RefuseAll.class)
    public static class OriginChecked {
        @OnMessage
        public String echo(String text) {
            return text;
        }
    }
}
