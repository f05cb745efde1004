package org.wsdepends.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wsdepends.Query;

/**
 * Frames that break RFC 6455 are closed with 1002, messages over the default limit (16 MiB) with 1009 as soon as
 * a frame header announces them; legal frames up to the limit work. Each test ends with a normal client served.
 */
class FrameLimitsTest {

    static final int MIB = 1024 * 1024;

    private static WsDependsServer server;

    @BeforeAll
    static void start() {
        server = WsDependsServer.builder().port(0)
                .endpoints(EchoEndpoint.class, SizeEndpoint.class, LimitedPlainEndpoint.class, LimitedEndpoint.class)
                .beans(Greeter.class, Recorder.class)
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void serverStillServesANormalClient() throws Exception {
        assertServes(server);
    }

    static void assertServes(WsDependsServer server) throws Exception {
        try (WsTestClient client = WsTestClient.connect(server.uri("/size"))) {
            client.sendText("four");
            assertThat(client.nextText()).isEqualTo("text 4");
        }
    }

    @Test
    void anUnmaskedFrameIsClosedWith1002() throws IOException {
        try (RawSocket socket = upgraded("/echo")) {
            socket.send(RawSocket.header(0x1, true, false, 2)).send("hi");
            RawSocket.Frame close = socket.readClose();
            assertThat(close.closeCode()).isEqualTo(1002);
            assertThat(close.closeReason()).contains("Unmasked");
            assertThat(socket.awaitEndOfStream(RawSocket.TIMEOUT)).isNotNull();
        }
    }

    @Test
    void aLengthWithTheTopBitSetIsClosedWith1002() throws IOException {
        try (RawSocket socket = upgraded("/echo")) {
            socket.send(RawSocket.header(0x1, true, true, 0x8000_0000_0000_0005L)).send(new byte[] {1, 2, 3, 4})
                    .send("hello");
            RawSocket.Frame close = socket.readClose();
            assertThat(close.closeCode()).isEqualTo(1002);
            assertThat(close.closeReason()).contains("most significant bit");
        }
    }

    @Test
    void aFrameAnnouncingOneGibibyteIsClosedWith1009AtOnce() throws IOException {
        try (RawSocket socket = upgraded("/limited-plain")) {
            long started = System.nanoTime();
            socket.send(RawSocket.header(0x1, true, true, 1L << 30));
            RawSocket.Frame close = socket.readClose();
            assertThat(close.closeCode()).isEqualTo(1009);
            assertThat(close.closeReason()).contains("allowed message size is 1024 bytes").contains("1073741824");
            assertThat(System.nanoTime() - started).isLessThan(RawSocket.TIMEOUT.toNanos() / 5);
        }
    }

    @Test
    void aFiveMebibyteFrameOnAnEndpointWithoutMaxMessageSizeIsDelivered() throws IOException {
        try (RawSocket socket = upgraded("/size")) {
            socket.send(RawSocket.frame(0x2, true, new byte[5 * MIB]));
            assertThat(socket.readFrame().text()).isEqualTo("binary " + 5 * MIB);
        }
    }

    @Test
    void aMessageOfExactlyTheDefaultLimitIsDelivered() throws IOException {
        try (RawSocket socket = upgraded("/size")) {
            socket.send(RawSocket.frame(0x1, true, ascii(16 * MIB)));
            assertThat(socket.readFrame().text()).isEqualTo("text " + 16 * MIB);
        }
    }

    @Test
    void aFrameOneByteOverTheDefaultLimitIsClosedWith1009BeforeItsPayload() throws IOException {
        try (RawSocket socket = upgraded("/size")) {
            socket.send(RawSocket.header(0x2, true, true, 16 * MIB + 1));
            RawSocket.Frame close = socket.readClose();
            assertThat(close.closeCode()).isEqualTo(1009);
            assertThat(close.closeReason()).isEqualTo("Message too long; allowed message size is 16777216 bytes. "
                    + "(Current message length is 16777217 bytes).");
        }
    }

    @Test
    void fragmentsAddUpToTheLimit() throws IOException {
        try (RawSocket socket = upgraded("/size")) {
            socket.send(RawSocket.frame(0x1, false, ascii(8 * MIB)))
                    .send(RawSocket.frame(0x0, false, ascii(8 * MIB)))
                    .send(RawSocket.header(0x0, true, true, 1));
            RawSocket.Frame close = socket.readClose();
            assertThat(close.closeCode()).isEqualTo(1009);
            assertThat(close.closeReason()).contains("16777217");
        }
    }

    @Test
    void fragmentsUpToTheLimitAreDelivered() throws IOException {
        try (RawSocket socket = upgraded("/size")) {
            socket.send(RawSocket.frame(0x1, false, ascii(8 * MIB)))
                    // a control frame between fragments does not count
                    .send(RawSocket.frame(0x9, true, new byte[125]))
                    .send(RawSocket.frame(0x0, true, ascii(8 * MIB)));
            RawSocket.Frame pong = socket.readFrame();
            assertThat(pong.opcode()).isEqualTo(0xA);
            assertThat(socket.readFrame().text()).isEqualTo("text " + 16 * MIB);
        }
    }

    @Test
    void bytesAfterA1009AreIgnored() throws IOException {
        try (RawSocket socket = upgraded("/echo")) {
            socket.send(RawSocket.header(0x1, false, true, 20 * MIB));
            RawSocket.Frame close = socket.readClose();
            assertThat(close.closeCode()).isEqualTo(1009);
            try {
                socket.send(new byte[64 * 1024]).send(RawSocket.frame(0x0, true, ascii(1000)));
            } catch (IOException closed) {
                // the server may already have closed the TCP connection
            }
            assertThat(socket.awaitEndOfStream(RawSocket.TIMEOUT)).isNotNull();
        }
    }

    @Test
    void severalFramesInOneWriteAndAHeaderSplitOverWritesAreRead() throws Exception {
        try (RawSocket socket = upgraded("/size")) {
            ByteArrayOutputStream both = new ByteArrayOutputStream();
            both.writeBytes(RawSocket.text("a"));
            both.writeBytes(RawSocket.text("bb"));
            socket.send(both.toByteArray());
            assertThat(socket.readFrame().text()).isEqualTo("text 1");
            assertThat(socket.readFrame().text()).isEqualTo("text 2");

            byte[] frame = RawSocket.frame(0x1, true, ascii(70_000));
            for (int i = 0; i < 8; i++) {
                socket.send(Arrays.copyOfRange(frame, i, i + 1));
                Thread.sleep(20);
            }
            socket.send(Arrays.copyOfRange(frame, 8, frame.length));
            assertThat(socket.readFrame().text()).isEqualTo("text 70000");
        }
    }

    @Test
    void anEndpointsOwnMaxMessageSizeIsEnforcedFromTheFrameHeader() throws IOException {
        for (String path : new String[] {"/limited-plain", "/limited?q=1"}) {
            try (RawSocket socket = upgraded(path)) {
                socket.send(RawSocket.frame(0x1, true, ascii(1024)));
                assertThat(socket.readFrame().text()).isEqualTo("limited 1024");
                socket.send(RawSocket.header(0x1, true, true, 1025));
                RawSocket.Frame close = socket.readClose();
                assertThat(close.closeCode()).as(path).isEqualTo(1009);
                assertThat(close.closeReason()).as(path).contains("allowed message size is 1024 bytes");
            }
        }
    }

    @Test
    void fragmentsOverAnEndpointsLimitAreClosedWith1009WithoutErrorsForTheFragmentsThatFollow() throws IOException {
        List<LogRecord> problems;
        try (LogCapture log = new LogCapture()) {
            for (String path : new String[] {"/limited-plain", "/limited?q=1"}) {
                try (RawSocket socket = upgraded(path)) {
                    socket.send(RawSocket.frame(0x1, false, ascii(800)));
                    try {
                        for (int i = 0; i < 10; i++) {
                            socket.send(RawSocket.frame(0x0, false, ascii(800)));
                        }
                    } catch (IOException closed) {
                        // the server may already have closed the TCP connection
                    }
                    RawSocket.Frame close = socket.readClose();
                    assertThat(close.closeCode()).as(path).isEqualTo(1009);
                    assertThat(close.closeReason()).as(path).contains("Current message length is 1600 bytes");
                    assertThat(socket.awaitEndOfStream(RawSocket.TIMEOUT)).isNotNull();
                }
            }
            problems = log.atLeast(Level.WARNING);
        }
        assertThat(problems).extracting(LogRecord::getMessage).isEmpty();
    }

    @Test
    void aBinaryLimitLeavesTextMessagesTheServersLimit() throws IOException {
        try (RawSocket socket = upgraded("/limited-plain")) {
            socket.send(RawSocket.frame(0x2, true, new byte[2048]));
            assertThat(socket.readFrame().text()).isEqualTo("limited binary 2048");
            socket.send(RawSocket.frame(0x2, true, new byte[2049]));
            RawSocket.Frame close = socket.readClose();
            assertThat(close.closeCode()).isEqualTo(1009);
            assertThat(close.closeReason()).contains("allowed message size is 2048 bytes");
        }
    }

    static RawSocket upgraded(WsDependsServer server, String path) throws IOException {
        RawSocket socket = RawSocket.connect(server);
        assertThat(socket.upgrade(path).status()).isEqualTo(101);
        return socket;
    }

    private static RawSocket upgraded(String path) throws IOException {
        return upgraded(server, path);
    }

    static byte[] ascii(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) 'a');
        return bytes;
    }

    /** Answers the size of what it receives. */
    @ServerEndpoint("/size")
    public static class SizeEndpoint {
        @OnMessage
        public String text(String text) {
            return "text " + text.getBytes(StandardCharsets.UTF_8).length;
        }

        @OnMessage
        public String binary(ByteBuffer bytes) {
            return "binary " + bytes.remaining();
        }
    }

    /** A plain endpoint with its own limit. */
    @ServerEndpoint("/limited-plain")
    public static class LimitedPlainEndpoint {
        @OnMessage(maxMessageSize = 1024)
        public String text(String text) {
            return "limited " + text.length();
        }

        @OnMessage(maxMessageSize = 2048)
        public String binary(ByteBuffer bytes) {
            return "limited binary " + bytes.remaining();
        }
    }

    /** A wrapped endpoint with its own limit. */
    @ServerEndpoint("/limited")
    public static class LimitedEndpoint {
        @OnMessage(maxMessageSize = 1024)
        public String text(String text, @Query("q") Optional<String> q) {
            return "limited " + text.length();
        }
    }
}
