package org.wsdepends.tck.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wsdepends.Depends;
import org.wsdepends.Scope;
import org.wsdepends.WebSocketException;
import org.wsdepends.embedded.WsDependsServer;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.Recorder;

/** Cleanup order (LIFO, message before connection), timing relative to the close frame, exactly once. */
class CleanupTest {

    static final Recorder EVENTS = new Recorder();
    static WsDependsServer server;

    public record A(String name) {
    }

    public record B(A a) {
    }

    public record C(String name) {
    }

    public record Failing(String name) {
    }

    public record PerMessage(String name) {
    }

    @ApplicationScoped
    public static class Resources {
        @Produces @Depends
        A a() {
            EVENTS.add("open A");
            return new A("a");
        }

        void closeA(@Disposes @Depends A a) {
            EVENTS.add("close A");
        }

        @Produces @Depends
        B b(@Depends A a) {
            EVENTS.add("open B");
            return new B(a);
        }

        void closeB(@Disposes @Depends B b) {
            EVENTS.add("close B");
        }

        @Produces @Depends
        C c() {
            EVENTS.add("open C");
            return new C("c");
        }

        void closeC(@Disposes @Depends C c) {
            EVENTS.add("close C");
        }

        @Produces @Depends
        Failing failing() {
            EVENTS.add("open Failing");
            return new Failing("f");
        }

        void closeFailing(@Disposes @Depends Failing failing) {
            EVENTS.add("close Failing throws");
            throw new IllegalStateException("disposer failure on purpose");
        }

        @Produces @Depends
        PerMessage perMessage() {
            EVENTS.add("open PerMessage");
            return new PerMessage("m");
        }

        void closePerMessage(@Disposes @Depends PerMessage perMessage) {
            EVENTS.add("close PerMessage");
        }
    }

    @ServerEndpoint("/order")
    public static class OrderEndpoint {
        @Inject @Depends C c;
        @Inject @Depends B b;

        @OnMessage
        public String message(String text, Session session, @Depends PerMessage perMessage,
                @Depends(scope = Scope.CONNECTION) A a) throws IOException {
            EVENTS.add("message " + text);
            if (text.equals("close")) {
                session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "bye"));
                EVENTS.add("closed by endpoint");
                return null;
            }
            if (text.equals("fail")) {
                throw new WebSocketException(4001, "failed on purpose");
            }
            return "ok " + text;
        }

        @OnClose
        public void onClose(CloseReason reason) {
            EVENTS.add("@OnClose " + reason.getCloseCode().getCode());
        }
    }

    @ServerEndpoint("/failing-disposer")
    public static class FailingDisposerEndpoint {
        @Inject @Depends A a;
        @Inject @Depends Failing failing;
        @Inject @Depends C c;

        @OnMessage
        public String message(String text) {
            return text;
        }
    }

    @BeforeAll
    static void start() {
        server = WsDependsServer.builder().port(0).endpoints(OrderEndpoint.class, FailingDisposerEndpoint.class)
                .beans(Resources.class).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void clear() {
        EVENTS.clear();
    }

    @Test
    void cleanupIsLastCreatedFirstAndMessageScopeFirst() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/order"))) {
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
        try (WsTestClient client = WsTestClient.connect(server.uri("/order"))) {
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
        try (WsTestClient client = WsTestClient.connect(server.uri("/order"))) {
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
        WsTestClient client = WsTestClient.connect(server.uri("/order"));
        client.sendText("x");
        assertThat(client.nextText()).isEqualTo("ok x");
        client.abort();
        assertThat(EVENTS.awaitEvent("close C")).containsSubsequence("close B", "close A", "close C")
                .containsOnlyOnce("close A", "close B", "close C");
    }

    @Test
    void aThrowingDisposerIsLoggedAndTheOthersStillRun() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/failing-disposer"))) {
            client.sendText("x");
            assertThat(client.nextText()).isEqualTo("x");
        }
        assertThat(EVENTS.awaitEvent("close A")).containsExactly(
                "open A", "open Failing", "open C", "close C", "close Failing throws", "close A");
    }

    @Test
    void stoppingTheServerEndsOpenConnectionsAndCleansUp() {
        WsDependsServer own = WsDependsServer.builder().port(0).endpoints(OrderEndpoint.class).beans(Resources.class).start();
        WsTestClient client = WsTestClient.connect(own.uri("/order"));
        client.sendText("x");
        assertThat(client.nextText()).isEqualTo("ok x");
        own.close();
        assertThat(client.awaitClose().code()).isIn(1001, 1006);
        assertThat(EVENTS.events()).containsSubsequence("close B", "close A", "close C")
                .containsOnlyOnce("close A", "close B", "close C");
    }
}
