package org.wsdepends.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wsdepends.Header;
import org.wsdepends.Query;
import org.wsdepends.ValidationError;
import org.wsdepends.WebSocketException;

/** The fluent expectations of {@link WsTestClient}: each passes on what the server sends and fails readably. */
class WsTestClientTest {

    private static WsDependsServer server;
    private WsTestClient client;

    @BeforeAll
    static void start() {
        server = WsDependsServer.builder().port(0).endpoints(ChatEndpoint.class).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void closeConnections() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void connectsWithHeadersAndSubprotocolsAndExpectsTextJsonAndTheClose() {
        client = WsTestClient.of(server);
        WsTestClient chat = client.connect("/chat?token=t").header("x-client", "tests").subprotocols("chat.v1");

        chat.expectText("welcome t from tests").send("hi").expectText("t: hi");
        assertThat(chat.subprotocol()).isEqualTo("chat.v1");
        assertThat(chat.send("json").expectJson(Chat.class)).isEqualTo(new Chat("t", "hi"));
        chat.send("bye").expectClose(4000, "Bye t");
    }

    @Test
    void expectErrorFrameReturnsTheValidationErrors() {
        client = WsTestClient.of(server);
        WsTestClient chat = client.connect("/chat");

        List<ValidationError> errors = chat.expectErrorFrame();

        assertThat(errors).containsExactly(new ValidationError("missing", List.of("query", "token"), "Field required",
                null, Map.of()));
        chat.expectClose(1008, "[{\"type\":\"missing\",\"loc\":[\"query\",\"token\"],\"msg\":\"Field required\","
                + "\"input\":null}]");
    }

    @Test
    void aWrongTextFailsListingWhatArrived() {
        client = WsTestClient.of(server);
        WsTestClient chat = client.connect("/chat?token=t");

        assertThatThrownBy(() -> chat.expectText("welcome u"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("expected the text \"welcome u\" but got Text[text=welcome t from nobody] from "
                        + server.uri("/chat?token=t") + "; received: [Text[text=welcome t from nobody]]");
    }

    @Test
    void silenceFailsAfterTheTimeout() {
        client = WsTestClient.of(server).timeout(Duration.ofMillis(300));
        WsTestClient chat = client.connect("/chat?token=t").expectText("welcome t from nobody");

        long started = System.nanoTime();
        assertThatThrownBy(() -> chat.expectText("more"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("nothing arrived within PT0.3S from " + server.uri("/chat?token=t")
                        + "; received: [Text[text=welcome t from nobody]]");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aTextThatIsNoJsonOfTheTypeFails() {
        client = WsTestClient.of(server);
        WsTestClient chat = client.connect("/chat?token=t");

        assertThatThrownBy(() -> chat.expectJson(Chat.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("expected JSON of " + Chat.class.getName())
                .hasMessageContaining("but got Text[text=welcome t from nobody]");
    }

    @Test
    void aTextThatIsNoErrorFrameFails() {
        client = WsTestClient.of(server);
        WsTestClient chat = client.connect("/chat?token=t");

        assertThatThrownBy(chat::expectErrorFrame)
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("expected an error frame {\"detail\":[...]} but got Text[text=welcome t from nobody]");
    }

    @Test
    void aWrongCloseFailsAndAMessageBeforeTheCloseFails() {
        client = WsTestClient.of(server);
        WsTestClient early = client.connect("/chat?token=t");
        assertThatThrownBy(() -> early.expectClose(4000, "Bye t"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("expected the close but got Text[text=welcome t from nobody]");

        WsTestClient chat = client.connect("/chat?token=t").expectText("welcome t from nobody").send("bye");
        assertThatThrownBy(() -> chat.expectClose(4000, "Bye u"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("expected the close Closed[code=4000, reason=Bye u] but got "
                        + "Closed[code=4000, reason=Bye t]");
    }

    @Test
    void aCloseFrameIsNoDrop() {
        client = WsTestClient.of(server);
        WsTestClient chat = client.connect("/chat?token=t").expectText("welcome t from nobody").send("bye");

        assertThatThrownBy(chat::expectDropped)
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("expected the connection to end without a close frame (1006) but got "
                        + "Closed[code=4000, reason=Bye t]");
    }

    @Test
    void expectDroppedPassesWhenTheServerCutsTheConnectionWithoutACloseFrame() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // accepts the upgrade, then drops the TCP connection: what a crashed server does
            CompletableFuture<Void> dropper = CompletableFuture.runAsync(() -> {
                try (Socket socket = listener.accept()) {
                    String request = readHead(socket.getInputStream());
                    Matcher key = Pattern.compile("(?i)sec-websocket-key: *(\\S+)").matcher(request);
                    assertThat(key.find()).isTrue();
                    String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(
                            (key.group(1) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
                    socket.getOutputStream().write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                            + "Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (WsTestClient dropped = WsTestClient.connect(URI.create("ws://127.0.0.1:" + listener.getLocalPort() + "/"))) {
                dropped.expectDropped();
            }
            dropper.get();
        }
    }

    @Test
    void anUpgradeIsNoRefusal() {
        client = WsTestClient.of(server);

        assertThatThrownBy(() -> client.connect("/chat?token=t").expectHttpStatus(401))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("expected HTTP 401 from " + server.uri("/chat?token=t") + " but got 101 "
                        + "(the server upgraded the connection)");
    }

    @Test
    void anUnknownPathIsRefusedWith404AndAWrongStatusFails() {
        client = WsTestClient.of(server);

        assertThat(client.connect("/nowhere").expectHttpStatus(404).status()).isEqualTo(404);
        assertThatThrownBy(() -> client.connect("/nowhere").expectHttpStatus(401))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("expected HTTP 401 from " + server.uri("/nowhere") + " but got 404");
    }

    @Test
    void headersCannotChangeOnceTheConnectionIsOpen() {
        client = WsTestClient.of(server);
        WsTestClient chat = client.connect("/chat?token=t").expectText("welcome t from nobody");

        assertThatThrownBy(() -> chat.header("x-client", "late"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already open");
    }

    @Test
    void theServersClientIsNoConnection() {
        client = WsTestClient.of(server);

        assertThatThrownBy(() -> client.expectText("welcome"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call connect(path) first");
    }

    @Test
    void closingTheClientClosesItsConnections() {
        client = WsTestClient.of(server);
        WsTestClient chat = client.connect("/chat?token=t").expectText("welcome t from nobody");

        client.close();

        assertThat(chat.awaitClose().code()).isEqualTo(1000);
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b == -1) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    public record Chat(String from, String text) {
    }

    @ServerEndpoint(value = "/chat", subprotocols = "chat.v1")
    public static class ChatEndpoint {
        @Inject
        @Query("token")
        String token;

        @Inject
        @Header("x-client")
        Optional<String> client;

        @OnOpen
        public void open(Session session) throws IOException {
            session.getBasicRemote().sendText("welcome " + token + " from " + client.orElse("nobody"));
        }

        @OnMessage
        public String message(String text) {
            return switch (text) {
                case "json" -> "{\"from\":\"" + token + "\",\"text\":\"hi\"}";
                case "bye" -> throw new WebSocketException(4000, "Bye " + token);
                default -> token + ": " + text;
            };
        }
    }
}
