package org.wsdepends.tck.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.Consumer;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.RawSocket;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeployedWarTest;
import org.wsdepends.tck.support.Wars;

/**
 * A wrapped endpoint without {@code @OnMessage(maxMessageSize)} takes messages up to
 * {@code org.wsdepends.max-message-size} (16 MiB by default) on every runtime, and closes a bigger one with 1009,
 * never 1011. The close reason is the container's own where the container refuses the message itself, through the
 * session's buffer sizes that wsdepends sets (Undertow for binary messages, Tyrus on Payara for text in fragments),
 * else wsdepends' (Tyrus's wording).
 */
public class MessageSizeTest extends DeployedWarTest {

    static final int LIMIT = 16 * 1024 * 1024;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Wars.war("message-size", HardeningApp.class);
    }

    @AfterEach
    void stillServesANormalClient() {
        try (WsTestClient client = WsTestClient.connect(uri("/text"))) {
            client.sendText("four");
            assertThat(client.nextText()).isEqualTo("text 4");
        }
    }

    @Test
    void aTextMessageOfTheDefaultLimitIsDelivered() {
        try (WsTestClient client = WsTestClient.connect(uri("/text"))) {
            client.sendText("a".repeat(LIMIT));
            assertThat(client.nextText()).isEqualTo("text " + LIMIT);
        }
    }

    @Test
    void aTextMessageOneByteOverTheDefaultLimitCloses1009() throws IOException {
        // the JDK client sends a long text in fragments, which Tyrus collects against the session's buffer size
        assertThat(oneByteOver("/text", 0x1, client -> client.sendText("a".repeat(LIMIT + 1))))
                .isEqualTo(new WsTestClient.Closed(1009, tyrusServlet() ? "Too big." : tooBig(LIMIT + 1)));
    }

    @Test
    void aBinaryMessageOfTheDefaultLimitIsDeliveredAndOneByteMoreCloses1009() throws IOException {
        byte[] limit = new byte[LIMIT];
        Arrays.fill(limit, (byte) 7);
        try (WsTestClient client = WsTestClient.connect(uri("/binary"))) {
            client.sendBinary(limit);
            assertThat(client.nextText()).isEqualTo("binary " + LIMIT);
        }
        assertThat(oneByteOver("/binary", 0x2, client -> client.sendBinary(Arrays.copyOf(limit, LIMIT + 1))))
                .isEqualTo(new WsTestClient.Closed(1009, undertow()
                        ? "UT002040: Message exceeded max message size of " + LIMIT : tooBig(LIMIT + 1)));
    }

    /**
     * Sends a message one byte over the limit and returns the close. The embedded runtime answers from the frame
     * header and closes the TCP connection, which the JDK client, still writing the payload, may see as a broken pipe
     * before it reads the close frame: there a raw client sends the header alone. The servers read the whole message
     * first.
     */
    private WsTestClient.Closed oneByteOver(String path, int opcode, Consumer<WsTestClient> sendWhole) throws IOException {
        if (System.getProperty("wsdepends.tck.container", "embedded").equals("embedded")) {
            try (RawSocket socket = RawSocket.connect(base.getPort())) {
                assertThat(socket.upgrade(base.getPath().replaceFirst("/$", "") + path).status()).isEqualTo(101);
                socket.send(RawSocket.header(opcode, true, true, LIMIT + 1)).send(new byte[] {1, 2, 3, 4});
                RawSocket.Frame close = socket.readClose();
                return new WsTestClient.Closed(close.closeCode(), close.closeReason());
            }
        }
        try (WsTestClient client = WsTestClient.connect(uri(path))) {
            try {
                sendWhole.accept(client);
            } catch (IllegalStateException closedBeforeTheLastByte) {
                // the close frame tells why
            }
            return client.awaitClose();
        }
    }

    /** wsdepends' reason, from the adapter's check of the whole message. */
    private static String tooBig(long length) {
        return "Message too long; allowed message size is " + LIMIT + " bytes. (Current message length is " + length
                + " bytes).";
    }

    /** Tyrus in a servlet container (Payara) refuses a text message in fragments over the session's buffer size. */
    private static boolean tyrusServlet() {
        return System.getProperty("wsdepends.tck.container", "embedded").startsWith("payara");
    }

    /** Undertow refuses a whole binary message over the session's buffer size itself, with its own reason. */
    private static boolean undertow() {
        return "wildfly".equals(System.getProperty("wsdepends.tck.container"));
    }
}
