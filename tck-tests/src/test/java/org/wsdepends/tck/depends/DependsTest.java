package org.wsdepends.tck.depends;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wsdepends.Depends;
import org.wsdepends.Query;
import org.wsdepends.Scope;
import org.wsdepends.embedded.WsDependsServer;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.depends.routed.RoutedEndpoint;
import org.wsdepends.tck.depends.routed.RouterMark;

/** Dependency order and caching (FastAPI test_ws_dependencies, use_cache) and message/connection scopes. */
public class DependsTest {

    static WsDependsServer server;
    static final AtomicInteger COUNTER = new AtomicInteger();

    /** The class-level mark of {@link RoutedEndpoint}. */
    public static final class ClassMark {
    }

    /** A counter value made by a producer: identity shows caching. */
    public record Ticket(int number) {
    }

    @ApplicationScoped
    public static class Marks {
        @Produces @Depends
        List<String> marks() {
            return new ArrayList<>();
        }

        @Produces @Depends
        RouterMark router(@Depends List<String> marks) {
            marks.add("package");
            return new RouterMark();
        }

        @Produces @Depends
        ClassMark classMark(@Depends List<String> marks) {
            marks.add("class");
            return new ClassMark();
        }

        @Produces @Depends
        Ticket ticket() {
            return new Ticket(COUNTER.incrementAndGet());
        }
    }

    @ServerEndpoint("/cache")
    public static class CacheEndpoint {
        @Inject @Depends Ticket first;
        @Inject @Depends Ticket second;
        @Inject @Depends(cached = false) Ticket own;

        @OnOpen
        public void open(Session session) throws java.io.IOException {
            session.getBasicRemote().sendText((first == second) + " " + (first == own));
        }

        @OnMessage
        public String message(String text, @Depends Ticket perMessage, @Depends Ticket again,
                @Depends(scope = Scope.CONNECTION) Ticket connection) {
            return (perMessage == again) + " " + (perMessage == first) + " " + (connection == first);
        }
    }

    @ServerEndpoint("/per-message")
    public static class PerMessageEndpoint {
        @OnMessage
        public String message(String text, @Depends Ticket ticket, @Query("name") String name) {
            return name + " " + ticket.number();
        }
    }

    @BeforeAll
    static void start() {
        server = WsDependsServer.builder().port(0)
                .endpoints(RoutedEndpoint.class, CacheEndpoint.class, PerMessageEndpoint.class)
                .beans(Marks.class).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void packageThenClassThenOwnDependenciesShareOneCachedList() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/routed"))) {
            assertThat(client.nextText()).isEqualTo("package,class");
        }
    }

    @Test
    void oneInstancePerConnectionUnlessCachedIsFalse() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/cache"))) {
            assertThat(client.nextText()).isEqualTo("true false");
            client.sendText("x");
            assertThat(client.nextText()).isEqualTo("true false true");
        }
    }

    @Test
    void messageScopedDependenciesAreNewForEveryMessage() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/per-message?name=n"))) {
            client.sendText("a");
            int first = Integer.parseInt(client.nextText().split(" ")[1]);
            client.sendText("b");
            int second = Integer.parseInt(client.nextText().split(" ")[1]);
            assertThat(second).isGreaterThan(first);
        }
    }
}
