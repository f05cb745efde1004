package org.wsdepends.tck.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wsdepends.Cookie;
import org.wsdepends.Depends;
import org.wsdepends.Header;
import org.wsdepends.Path;
import org.wsdepends.Query;
import org.wsdepends.embedded.WsDependsServer;
import org.wsdepends.embedded.WsTestClient;

/** Resolution never sees another connection's handshake (design §3): 200 concurrent handshakes. */
class IsolationTest {

    static WsDependsServer server;

    public record Caller(String token) {
    }

    @ApplicationScoped
    public static class Callers {
        @Produces @Depends
        Caller caller(@Query("token") String token) {
            Thread.yield();
            return new Caller(token);
        }
    }

    @ServerEndpoint("/whoami/{n}")
    public static class WhoAmIEndpoint {
        @Inject @Path("n") int n;
        @Inject @Query("token") String token;
        @Inject @Header("x-token") String header;
        @Inject @Cookie("c") String cookie;
        @Inject @Depends Caller caller;

        @OnOpen
        public void open(Session session) throws java.io.IOException {
            session.getBasicRemote().sendText(String.join(" ", String.valueOf(n), token, header, cookie, caller.token()));
        }
    }

    @BeforeAll
    static void start() {
        server = WsDependsServer.builder().port(0).endpoints(WhoAmIEndpoint.class).beans(Callers.class).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void concurrentHandshakesSeeOnlyTheirOwnValues() throws Exception {
        int connections = 200;
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<CompletableFuture<String>> replies = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                int n = i;
                replies.add(CompletableFuture.supplyAsync(() -> {
                    String token = "t" + n;
                    try (WsTestClient client = WsTestClient.connect(server.uri("/whoami/" + n + "?token=" + token),
                            Map.of("x-token", "h" + n, "Cookie", "c=k" + n), List.of())) {
                        return client.nextText();
                    }
                }, pool));
            }
            for (int i = 0; i < connections; i++) {
                assertThat(replies.get(i).get(60, TimeUnit.SECONDS))
                        .isEqualTo(i + " t" + i + " h" + i + " k" + i + " t" + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
