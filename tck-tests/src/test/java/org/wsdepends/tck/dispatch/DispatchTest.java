package org.wsdepends.tck.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;
import jakarta.websocket.EncodeException;
import jakarta.websocket.Encoder;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wsdepends.Query;
import org.wsdepends.embedded.WsDependsServer;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.Recorder;

/** Wrapped endpoints keep annotated-endpoint semantics (design §3, Jakarta WebSocket 2.1 chapter 4). */
class DispatchTest {

    static final Recorder EVENTS = new Recorder();
    static WsDependsServer server;

    public record Point(int x, int y) {
    }

    public static class PointDecoder implements Decoder.Text<Point> {
        @Override
        public Point decode(String s) throws DecodeException {
            String[] parts = s.split(",");
            if (parts.length != 2) {
                throw new DecodeException(s, "expected x,y");
            }
            return new Point(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        }

        @Override
        public boolean willDecode(String s) {
            return true;
        }
    }

    public static class PointEncoder implements Encoder.Text<Point> {
        @Override
        public String encode(Point point) throws EncodeException {
            return "(" + point.x() + "|" + point.y() + ")";
        }
    }

    @ServerEndpoint("/text/{n}")
    public static class TextEndpoint {
        @Inject @Query("prefix") String prefix;

        @OnMessage
        public String text(String message, Session session, @PathParam("n") int n) {
            return prefix + message + n + " " + session.getId().isEmpty();
        }

        @OnMessage
        public ByteBuffer binary(ByteBuffer bytes) {
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            return ByteBuffer.wrap(("bin:" + new String(copy, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        }

        @OnMessage
        public void pong(PongMessage pong, Session session) throws IOException {
            session.getBasicRemote().sendText("pong:" + StandardCharsets.UTF_8.decode(pong.getApplicationData()));
        }
    }

    @ServerEndpoint(value = "/coded", decoders = PointDecoder.class, encoders = PointEncoder.class)
    public static class CodedEndpoint {
        @Inject @Query("dx") int dx;

        @OnMessage
        public Point move(Point point) {
            return new Point(point.x() + dx, point.y());
        }

        @OnError
        public void error(Session session, Throwable error) throws IOException {
            session.getBasicRemote().sendText("error:" + error.getClass().getSimpleName());
        }
    }

    @ServerEndpoint("/partial")
    public static class PartialEndpoint {
        private final StringBuilder text = new StringBuilder();
        @Inject @Query("q") String q;

        @OnMessage
        public void part(String chunk, boolean last, Session session) throws IOException {
            text.append(chunk);
            if (last) {
                session.getBasicRemote().sendText("whole:" + text);
                text.setLength(0);
            }
        }

        @OnMessage
        public void stream(InputStream in, Session session) throws IOException {
            session.getBasicRemote().sendText("stream:" + new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @ServerEndpoint("/reader")
    public static class ReaderEndpoint {
        @Inject @Query("q") String q;

        @OnMessage
        public String read(Reader reader) throws IOException {
            StringBuilder all = new StringBuilder();
            char[] buffer = new char[64];
            for (int read; (read = reader.read(buffer)) > 0;) {
                all.append(buffer, 0, read);
            }
            return "reader:" + all;
        }

        @OnMessage
        public String primitive(byte[] bytes) {
            return "bytes:" + bytes.length;
        }
    }

    @ServerEndpoint("/limited")
    public static class LimitedEndpoint {
        @Inject @Query("q") String q;

        @OnMessage(maxMessageSize = 16)
        public String small(String text) {
            return "ok:" + text;
        }

        @OnClose
        public void close(CloseReason reason) {
            EVENTS.add("limited closed " + reason.getCloseCode().getCode());
        }
    }

    @ServerEndpoint(value = "/protocols", subprotocols = {"chat.v2", "chat.v1"})
    public static class ProtocolsEndpoint {
        @Inject @Query("q") String q;

        @OnOpen
        public void open(Session session) throws IOException {
            session.getBasicRemote().sendText("protocol:" + session.getNegotiatedSubprotocol());
        }
    }

    public static class OriginCheck extends ServerEndpointConfig.Configurator {
        @Override
        public boolean checkOrigin(String originHeaderValue) {
            EVENTS.add("checkOrigin " + originHeaderValue);
            return true;
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            sec.getUserProperties().put("seen-token", request.getHeaders().get("x-token").get(0));
            response.getHeaders().put("x-modified", List.of("yes"));
        }
    }

    @ServerEndpoint(value = "/configured", configurator = OriginCheck.class)
    public static class ConfiguredEndpoint {
        @Inject @Query("q") String q;

        @OnOpen
        public void open(Session session) throws IOException {
            session.getBasicRemote().sendText("props:" + session.getUserProperties().get("seen-token") + " q:" + q);
        }
    }

    @ServerEndpoint("/instances")
    public static class InstancesEndpoint {
        static final Set<Object> INSTANCES = ConcurrentHashMap.newKeySet();
        @Inject @Query("q") String q;

        @OnOpen
        public void open() {
            INSTANCES.add(this);
        }

        @OnMessage
        public String message(String text) {
            return String.valueOf(System.identityHashCode(this));
        }

        @OnClose
        public void close(Session session, CloseReason reason) {
            EVENTS.add("instances closed " + reason.getCloseCode().getCode() + " " + reason.getReasonPhrase());
        }
    }

    @BeforeAll
    static void start() {
        server = WsDependsServer.builder().port(0).endpoints(TextEndpoint.class, CodedEndpoint.class, PartialEndpoint.class,
                ReaderEndpoint.class, LimitedEndpoint.class, ProtocolsEndpoint.class, ConfiguredEndpoint.class,
                InstancesEndpoint.class).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void textBinaryPongAndPathParamPrimitives() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/text/7?prefix=p-"))) {
            client.sendText("hi");
            assertThat(client.nextText()).isEqualTo("p-hi7 false");
            client.sendBinary("raw".getBytes(StandardCharsets.UTF_8));
            assertThat(new String(client.nextBinary(), StandardCharsets.UTF_8)).isEqualTo("bin:raw");
            client.sendPong("beat".getBytes(StandardCharsets.UTF_8));
            assertThat(client.nextText()).isEqualTo("pong:beat");
        }
    }

    @Test
    void declaredDecodersAndEncodersAndDecoderFailuresReachOnError() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/coded?dx=10"))) {
            client.sendText("1,2");
            assertThat(client.nextText()).isEqualTo("(11|2)");
            client.sendText("nonsense");
            assertThat(client.nextText()).isEqualTo("error:DecodeException");
            client.sendText("3,4");
            assertThat(client.nextText()).isEqualTo("(13|4)");
        }
    }

    @Test
    void partialTextAndWholeBinaryStreams() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/partial?q=1"))) {
            client.sendText("ab", false);
            client.sendText("cd", true);
            assertThat(client.nextText()).isEqualTo("whole:abcd");
            client.sendBinary("streamed".getBytes(StandardCharsets.UTF_8));
            assertThat(client.nextText()).isEqualTo("stream:streamed");
        }
    }

    @Test
    void readersAndByteArrays() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/reader?q=1"))) {
            client.sendText("via reader");
            assertThat(client.nextText()).isEqualTo("reader:via reader");
            client.sendBinary(new byte[5]);
            assertThat(client.nextText()).isEqualTo("bytes:5");
        }
    }

    @Test
    void tooBigMessagesClose1009() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/limited?q=1"))) {
            client.sendText("short");
            assertThat(client.nextText()).isEqualTo("ok:short");
            client.sendText("x".repeat(100));
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(1009);
            assertThat(closed.reason()).isEqualTo(
                    "Message too long; allowed message size is 16 bytes. (Current message length is 100 bytes).");
        }
        EVENTS.awaitEvent("limited closed 1009");
    }

    @Test
    void subprotocolsAreNegotiatedInTheClientsOrder() {
        // the container's default configurator picks the first requested protocol the endpoint supports
        try (WsTestClient client = WsTestClient.connect(server.uri("/protocols?q=1"), Map.of(), List.of("chat.v1", "chat.v2"))) {
            assertThat(client.subprotocol()).isEqualTo("chat.v1");
            assertThat(client.nextText()).isEqualTo("protocol:chat.v1");
        }
        try (WsTestClient client = WsTestClient.connect(server.uri("/protocols?q=1"), Map.of(), List.of("other", "chat.v2"))) {
            assertThat(client.subprotocol()).isEqualTo("chat.v2");
        }
    }

    @Test
    void aUserConfiguratorStillSeesTheHandshake() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/configured?q=v"),
                Map.of("Origin", "http://example.test", "x-token", "tok"), List.of())) {
            assertThat(client.nextText()).isEqualTo("props:tok q:v");
        }
        assertThat(EVENTS.events()).contains("checkOrigin http://example.test");
    }

    @Test
    void oneInstancePerConnectionAndOnCloseGetsTheClientsCode() {
        String first;
        String second;
        try (WsTestClient a = WsTestClient.connect(server.uri("/instances?q=1"));
                WsTestClient b = WsTestClient.connect(server.uri("/instances?q=2"))) {
            a.sendText("x");
            b.sendText("x");
            first = a.nextText();
            second = b.nextText();
            assertThat(first).isNotEqualTo(second);
            a.sendText("again");
            assertThat(a.nextText()).isEqualTo(first);
            assertThat(b.close(4321, "client bye").code()).isEqualTo(4321);
        }
        EVENTS.awaitEvent("instances closed 4321 client bye");
    }
}
