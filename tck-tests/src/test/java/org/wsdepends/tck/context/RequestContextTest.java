package org.wsdepends.tck.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wsdepends.Query;
import org.wsdepends.embedded.WsDependsServer;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.Recorder;

/** CDI's request context is active in every callback, a new one each time (design §3). */
class RequestContextTest {

    static final Recorder EVENTS = new Recorder();
    static final AtomicInteger IDS = new AtomicInteger();
    static WsDependsServer server;

    @RequestScoped
    public static class PerCallback {
        private final int id = IDS.incrementAndGet();

        public int id() {
            return id;
        }

        @PreDestroy
        void destroyed() {
            EVENTS.add("request bean " + id + " destroyed");
        }
    }

    @ServerEndpoint("/request")
    public static class RequestEndpoint {
        @Inject PerCallback perCallback;
        @Inject @Query("q") String q;

        @OnOpen
        public void open(Session session) throws java.io.IOException {
            session.getBasicRemote().sendText("open " + perCallback.id());
        }

        @OnMessage
        public String message(String text) {
            return perCallback.id() + " " + perCallback.id();
        }

        @OnClose
        public void close() {
            EVENTS.add("close saw " + perCallback.id());
        }
    }

    @BeforeAll
    static void start() {
        server = WsDependsServer.builder().port(0).endpoints(RequestEndpoint.class).beans(PerCallback.class).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void requestScopedBeansWorkInEveryCallbackAndLiveForOneCallback() {
        int open;
        int first;
        int second;
        try (WsTestClient client = WsTestClient.connect(server.uri("/request?q=1"))) {
            open = Integer.parseInt(client.nextText().substring(5));
            client.sendText("a");
            String[] ids = client.nextText().split(" ");
            assertThat(ids[0]).isEqualTo(ids[1]);
            first = Integer.parseInt(ids[0]);
            client.sendText("b");
            second = Integer.parseInt(client.nextText().split(" ")[0]);
        }
        assertThat(first).isNotEqualTo(open);
        assertThat(second).isNotEqualTo(first);
        java.util.List<String> events = EVENTS.await(list -> list.stream().anyMatch(e -> e.startsWith("close saw")));
        assertThat(events).contains("request bean " + open + " destroyed", "request bean " + first + " destroyed",
                "request bean " + second + " destroyed");
    }
}
