package org.wsdepends.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wsdepends.Header;
import org.wsdepends.Query;

/**
 * Broken handshakes get a 400 before any upgrade (RFC 6455 §4.2.1, RFC 9110 §5.5), and connections that never
 * complete a request are closed after the header-read and idle times; the server keeps serving normal clients.
 */
class HostileHandshakeTest {

    private static final Duration HEADER_READ = Duration.ofMillis(800);
    private static final Duration IDLE = Duration.ofMillis(1500);

    private static WsDependsServer server;

    @BeforeAll
    static void start() {
        server = WsDependsServer.builder().port(0)
                .endpoints(EchoEndpoint.class, TokenEndpoint.class)
                .beans(Greeter.class, Recorder.class)
                .headerReadTimeout(HEADER_READ)
                .idleTimeout(IDLE)
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void serverStillServesANormalClient() throws Exception {
        try (WsTestClient client = WsTestClient.connect(server.uri("/token?token=t"))) {
            client.sendText("hi");
            assertThat(client.nextText()).isEqualTo("t - hi");
        }
    }

    @Test
    void aValidHandshakeThroughTheRawSocketIsUpgraded() throws IOException {
        try (RawSocket socket = RawSocket.connect(server)) {
            assertThat(socket.upgrade("/token?token=a%20b").status()).isEqualTo(101);
            socket.send(RawSocket.text("x"));
            assertThat(socket.readFrame().text()).isEqualTo("a b - x");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "%G1", "abc%2", "%%41", "%FF", "%C3%28"})
    void aBrokenPercentEncodingInTheQueryIs400(String token) throws IOException {
        assertBadRequest(RawSocket.handshake("/token?token=" + token, "Sec-WebSocket-Key: " + RawSocket.KEY),
                "query string");
    }

    @Test
    void aBrokenPercentEncodingInThePathIs400() throws IOException {
        assertBadRequest(RawSocket.handshake("/tok%en", "Sec-WebSocket-Key: " + RawSocket.KEY), "path");
    }

    @Test
    void rawBytesOutsideAsciiInTheQueryAre400() throws IOException {
        assertBadRequest(RawSocket.handshake("/token?token=\u00ff\u00fe", "Sec-WebSocket-Key: " + RawSocket.KEY),
                "must be percent-encoded");
    }

    @Test
    void rawBytesOutsideAsciiInThePathAre400() throws IOException {
        assertBadRequest(RawSocket.handshake("/tok\u00e9n", "Sec-WebSocket-Key: " + RawSocket.KEY),
                "must be percent-encoded");
    }

    @Test
    void aMissingSecWebSocketKeyIs400() throws IOException {
        assertBadRequest(RawSocket.handshake("/token?token=t"), "Sec-WebSocket-Key");
    }

    @Test
    void aSecWebSocketKeyOfTheWrongLengthIs400() throws IOException {
        assertBadRequest(RawSocket.handshake("/token?token=t", "Sec-WebSocket-Key: c2hvcnQ="), "16 bytes");
    }

    @Test
    void aNulInAHeaderValueIs400() throws IOException {
        assertBadRequest(RawSocket.handshake("/token?token=t", "Sec-WebSocket-Key: " + RawSocket.KEY,
                "X-Name: a\u0000b"), "x-name");
    }

    @Test
    void aHandshakeThatIsNotAGetIs400() throws IOException {
        String post = RawSocket.handshake("/token?token=t", "Sec-WebSocket-Key: " + RawSocket.KEY,
                "Content-Length: 0").replaceFirst("GET", "POST");
        assertBadRequest(post, "GET");
    }

    @Test
    void aConnectionHeaderWithoutUpgradeIs400() throws IOException {
        assertBadRequest(RawSocket.handshake("/token?token=t", "Sec-WebSocket-Key: " + RawSocket.KEY)
                .replace("Connection: Upgrade", "Connection: keep-alive"), "Connection");
    }

    @Test
    void anHttp10HandshakeIs400() throws IOException {
        assertBadRequest(RawSocket.handshake("/token?token=t", "Sec-WebSocket-Key: " + RawSocket.KEY)
                .replace("HTTP/1.1", "HTTP/1.0"), "HTTP/1.1");
    }

    @Test
    void aMissingOrUnknownVersionIs426NamingVersion13() throws IOException {
        for (String version : new String[] {"", "Sec-WebSocket-Version: 8\r\n"}) {
            try (RawSocket socket = RawSocket.connect(server)) {
                RawSocket.Response response = socket.send(RawSocket.handshake("/token?token=t",
                        "Sec-WebSocket-Key: " + RawSocket.KEY).replace("Sec-WebSocket-Version: 13\r\n", version))
                        .readResponse();
                assertThat(response.status()).as(version).isEqualTo(426);
                assertThat(response.headers()).containsEntry("sec-websocket-version", "13");
            }
        }
    }

    @Test
    void aPlainHttpRequestWithRawBytesOrANulIs400() throws IOException {
        assertBadRequest("GET /tok\u00e9n HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", "must be percent-encoded");
        assertBadRequest("GET /?a=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", "query string");
        assertBadRequest("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Name: a\u0000b\r\n\r\n", "x-name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0001\u0002 garbage \u00ff\r\n\r\n", "GARBAGE\r\n\r\n"})
    void aGarbageRequestLineIsAnsweredOrClosedWithinTheHeaderReadTime(String garbage) throws IOException {
        try (RawSocket socket = RawSocket.connect(server)) {
            socket.send(garbage);
            assertThat(socket.awaitEndOfStream(HEADER_READ.multipliedBy(3))).isNotNull();
        }
    }

    @Test
    void aHeaderThatNeverEndsIsClosedAfterTheHeaderReadTime() throws IOException {
        try (RawSocket socket = RawSocket.connect(server)) {
            socket.send("GET /token?token=t HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
            Duration closedAfter = socket.awaitEndOfStream(HEADER_READ.multipliedBy(3));
            assertThat(closedAfter).isNotNull().isGreaterThanOrEqualTo(HEADER_READ.minusMillis(100));
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosedAfterTheHeaderReadTime() throws IOException {
        try (RawSocket socket = RawSocket.connect(server)) {
            Duration closedAfter = socket.awaitEndOfStream(HEADER_READ.multipliedBy(3));
            assertThat(closedAfter).isNotNull().isGreaterThanOrEqualTo(HEADER_READ.minusMillis(100));
        }
    }

    @Test
    void aKeptAliveHttpConnectionIsClosedAfterTheIdleTime() throws IOException {
        try (RawSocket socket = RawSocket.connect(server)) {
            socket.send("GET /nothing-here HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertThat(socket.readResponse().status()).isEqualTo(404);
            // a second request on the same connection: it was kept alive
            socket.send("GET /nothing-here HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertThat(socket.readResponse().status()).isEqualTo(404);
            Duration closedAfter = socket.awaitEndOfStream(IDLE.multipliedBy(3));
            assertThat(closedAfter).isNotNull().isGreaterThanOrEqualTo(IDLE.minusMillis(100));
        }
    }

    @Test
    void anUpgradedConnectionIsNeverClosedForBeingIdle() throws Exception {
        try (WsTestClient client = WsTestClient.connect(server.uri("/token?token=t"))) {
            Thread.sleep(IDLE.plus(HEADER_READ).multipliedBy(2).toMillis());
            client.sendText("late");
            assertThat(client.nextText()).isEqualTo("t - late");
        }
    }

    private static void assertBadRequest(String request, String problem) throws IOException {
        try (RawSocket socket = RawSocket.connect(server)) {
            RawSocket.Response response = socket.send(request).readResponse();
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.headers()).doesNotContainKey("sec-websocket-accept").containsEntry("connection",
                    "close");
            assertThat(response.body()).containsIgnoringCase(problem);
            assertThat(socket.awaitEndOfStream(RawSocket.TIMEOUT)).isNotNull();
        }
    }

    /** A wrapped endpoint that echoes its handshake values. */
    @ServerEndpoint("/token")
    public static class TokenEndpoint {
        @OnMessage
        public String echo(String text, @Query("token") String token, @Header("X-Name") Optional<String> name) {
            return token + " " + name.orElse("-") + " " + text;
        }
    }
}
