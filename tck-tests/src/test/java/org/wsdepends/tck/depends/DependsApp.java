package org.wsdepends.tck.depends;

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

import org.wsdepends.Depends;
import org.wsdepends.Query;
import org.wsdepends.Scope;
import org.wsdepends.tck.depends.routed.RoutedEndpoint;
import org.wsdepends.tck.depends.routed.RouterMark;

/** The application {@link DependsTest} deploys. */
public final class DependsApp {

    static final AtomicInteger COUNTER = new AtomicInteger();

    private DependsApp() {
    }

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
}
