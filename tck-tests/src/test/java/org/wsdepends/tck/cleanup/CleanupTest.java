package org.wsdepends.tck.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeployedWarTest;
import org.wsdepends.tck.support.Wars;

/** Cleanup order (LIFO, message before connection), timing relative to the close frame, exactly once. */
public class CleanupTest extends DeployedWarTest {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Wars.war("cleanup", CleanupApp.class);
    }

    @Test
    void cleanupIsLastCreatedFirstAndMessageScopeFirst() {
        try (WsTestClient client = WsTestClient.connect(uri("/order"))) {
            client.sendText("x");
            assertThat(client.nextText()).isEqualTo("ok x");
        }
        assertThat(EVENTS.awaitEvent("close C")).containsExactly(
                "open C", "open A", "open B",
                "open PerMessage", "message x", "close PerMessage",
                "@OnClose 1000",
                "close B", "close A", "close C");
    }

    @Test
    void normalCloseByTheEndpointSendsTheCloseFrameBeforeCleanup() {
        try (WsTestClient client = WsTestClient.connect(uri("/order"))) {
            client.sendText("close");
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(1000);
            assertThat(closed.reason()).isEqualTo("bye");
        }
        java.util.List<String> events = EVENTS.awaitEvent("close C");
        assertThat(events.indexOf("@OnClose 1000")).isLessThan(events.indexOf("close B"));
        // the endpoint closed inside @OnMessage: the message scope is still cleaned up before the connection's
        assertThat(events).containsSubsequence("message close", "@OnClose 1000", "close PerMessage", "close B", "close A", "close C");
        assertThat(events).containsOnlyOnce("close A", "close B", "close C", "close PerMessage");
    }

    @Test
    void errorCloseRunsCleanupBeforeTheCloseFrame() {
        try (WsTestClient client = WsTestClient.connect(uri("/order"))) {
            client.sendText("fail");
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(4001);
            assertThat(closed.reason()).isEqualTo("failed on purpose");
            // the close frame was sent after the connection's cleanup, so it is complete now
            assertThat(EVENTS.events()).containsSubsequence("message fail", "close PerMessage", "close B", "close A", "close C");
        }
        assertThat(EVENTS.awaitEvent("@OnClose 4001")).containsOnlyOnce("close A", "close B", "close C");
    }

    @Test
    void peerDroppingTheConnectionWithoutACloseFrameStillCleansUpOnce() {
        WsTestClient client = WsTestClient.connect(uri("/order"));
        client.sendText("x");
        assertThat(client.nextText()).isEqualTo("ok x");
        client.abort();
        assertThat(EVENTS.awaitEvent("close C")).containsSubsequence("close B", "close A", "close C")
                .containsOnlyOnce("close A", "close B", "close C");
    }

    @Test
    void aThrowingDisposerIsLoggedAndTheOthersStillRun() {
        try (WsTestClient client = WsTestClient.connect(uri("/failing-disposer"))) {
            client.sendText("x");
            assertThat(client.nextText()).isEqualTo("x");
        }
        assertThat(EVENTS.awaitEvent("close A")).containsExactly(
                "open A", "open Failing", "open C", "close C", "close Failing throws", "close A");
    }
}
