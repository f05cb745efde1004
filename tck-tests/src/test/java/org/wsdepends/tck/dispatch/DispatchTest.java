package org.wsdepends.tck.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeployedWarTest;
import org.wsdepends.tck.support.Point;
import org.wsdepends.tck.support.Wars;

/** Wrapped endpoints keep annotated-endpoint semantics (design §3, Jakarta WebSocket 2.1 chapter 4). */
public class DispatchTest extends DeployedWarTest {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Wars.war("dispatch", DispatchApp.class, Point.class);
    }

    @Test
    void textBinaryPongAndPathParamPrimitives() {
        try (WsTestClient client = WsTestClient.connect(uri("/text/7?prefix=p-"))) {
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
        try (WsTestClient client = WsTestClient.connect(uri("/coded?dx=10"))) {
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
        try (WsTestClient client = WsTestClient.connect(uri("/partial?q=1"))) {
            client.sendText("ab", false);
            client.sendText("cd", true);
            assertThat(client.nextText()).isEqualTo("whole:abcd");
            client.sendBinary("streamed".getBytes(StandardCharsets.UTF_8));
            assertThat(client.nextText()).isEqualTo("stream:streamed");
        }
    }

    @Test
    void readersAndByteArrays() {
        try (WsTestClient client = WsTestClient.connect(uri("/reader?q=1"))) {
            client.sendText("via reader");
            assertThat(client.nextText()).isEqualTo("reader:via reader");
            client.sendBinary(new byte[5]);
            assertThat(client.nextText()).isEqualTo("bytes:5");
        }
    }

    @Test
    void tooBigMessagesClose1009() {
        try (WsTestClient client = WsTestClient.connect(uri("/limited?q=1"))) {
            client.sendText("short");
            assertThat(client.nextText()).isEqualTo("ok:short");
            client.sendText("x".repeat(100));
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(1009);
            // Undertow enforces the limit itself (wsdepends makes it the connection's buffer size), as for its own
            // annotated endpoints; on Tyrus wsdepends does (conformance.dispatch.DifferentialDispatchTest)
            assertThat(closed.reason()).isEqualTo("wildfly".equals(System.getProperty("wsdepends.tck.container"))
                    ? "UT002040: Message exceeded max message size of 16"
                    : "Message too long; allowed message size is 16 bytes. (Current message length is 100 bytes).");
        }
        EVENTS.awaitEvent("limited closed 1009");
    }

    @Test
    void subprotocolsAreNegotiatedInTheClientsOrder() {
        // the container's default configurator picks the first requested protocol the endpoint supports
        try (WsTestClient client = WsTestClient.connect(uri("/protocols?q=1"), Map.of(), List.of("chat.v1", "chat.v2"))) {
            assertThat(client.subprotocol()).isEqualTo("chat.v1");
            assertThat(client.nextText()).isEqualTo("protocol:chat.v1");
        }
        try (WsTestClient client = WsTestClient.connect(uri("/protocols?q=1"), Map.of(), List.of("other", "chat.v2"))) {
            assertThat(client.subprotocol()).isEqualTo("chat.v2");
        }
    }

    @Test
    void aUserConfiguratorStillSeesTheHandshake() {
        try (WsTestClient client = WsTestClient.connect(uri("/configured?q=v"),
                Map.of("Origin", "http://example.test", "x-token", "tok"), List.of())) {
            assertThat(client.nextText()).isEqualTo("props:tok q:v");
        }
        assertThat(EVENTS.events()).contains("checkOrigin http://example.test");
    }

    @Test
    void oneInstancePerConnectionAndOnCloseGetsTheClientsCode() {
        String first;
        String second;
        try (WsTestClient a = WsTestClient.connect(uri("/instances?q=1"));
                WsTestClient b = WsTestClient.connect(uri("/instances?q=2"))) {
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
