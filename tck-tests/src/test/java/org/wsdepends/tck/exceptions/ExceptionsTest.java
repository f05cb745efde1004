package org.wsdepends.tck.exceptions;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeployedWarTest;
import org.wsdepends.tck.support.Wars;

/** WebSocketException, the endpoint's @OnError, ExceptionHandler beans and the 1011 default (design §4). */
public class ExceptionsTest extends DeployedWarTest {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Wars.war("exceptions", ExceptionsApp.class);
    }

    @Test
    void webSocketExceptionFromADependencyClosesWithItsCodeAndReason() {
        try (WsTestClient client = WsTestClient.connect(uri("/guarded?code=4403"))) {
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(4403);
            assertThat(closed.reason()).isEqualTo("denied by the dependency");
        }
    }

    @Test
    void webSocketExceptionAfterMessagesDeliversThemThenClosesWithAShortenedReason() {
        try (WsTestClient client = WsTestClient.connect(uri("/guarded?code=0"))) {
            client.sendText("close-after");
            assertThat(client.nextText()).isEqualTo("one");
            assertThat(client.nextText()).isEqualTo("two");
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(4000);
            assertThat(closed.reason()).isEqualTo("x".repeat(120) + "...");
        }
    }

    @Test
    void anExceptionHandlerBeanHandlesItsType() {
        try (WsTestClient client = WsTestClient.connect(uri("/guarded?code=0"))) {
            client.sendText("custom");
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(1002);
            assertThat(closed.reason()).isEqualTo("foo bar");
        }
    }

    @Test
    void theMostSpecificTypeWinsThenTheHigherPriority() {
        try (WsTestClient client = WsTestClient.connect(uri("/guarded?code=0"))) {
            client.sendText("specific");
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(4101);
            assertThat(closed.reason()).isEqualTo("preferred");
        }
    }

    @Test
    void anUnexpectedExceptionClosesWith1011WithoutLeakingItsMessage() {
        try (WsTestClient client = WsTestClient.connect(uri("/guarded?code=0"))) {
            client.sendText("boom");
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(1011);
            assertThat(closed.reason()).doesNotContain("secret");
        }
    }

    @Test
    void theEndpointsOwnOnErrorComesFirstAndTheConnectionStaysOpen() {
        try (WsTestClient client = WsTestClient.connect(uri("/own-onerror?q=v"))) {
            assertThat(client.nextText()).isEqualTo("open v");
            client.sendText("x");
            assertThat(client.nextText()).isEqualTo("@OnError from message");
            client.sendText("y");
            assertThat(client.nextText()).isEqualTo("@OnError from message");
        }
    }

    @Test
    void handshakeConversionErrorsReachTheDefaultValidationHandler() {
        try (WsTestClient client = WsTestClient.connect(uri("/guarded?code=abc"))) {
            assertThat(client.nextText()).startsWith("{\"detail\":[{\"type\":\"int_parsing\"");
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(closed.reason().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(123);
            assertThat(closed.reason()).startsWith("[{\"type\":\"int_parsing\",\"loc\":[\"query\",\"code\"]");
        }
    }
}
