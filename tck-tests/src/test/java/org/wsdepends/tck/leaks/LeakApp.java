package org.wsdepends.tck.leaks;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Depends;
import org.wsdepends.Query;
import org.wsdepends.tck.support.Events;

/** The application {@link LeakTest} deploys: it records "produced N" and "disposed N" for every dependency. */
public final class LeakApp {

    static final AtomicInteger PRODUCED = new AtomicInteger();

    private LeakApp() {
    }

    public record Resource(int id) {
    }

    public record PerMessage(int id) {
    }

    @ApplicationScoped
    public static class Resources {
        @Produces @Depends
        Resource resource(@Query("n") int n) {
            return new Resource(produced());
        }

        void close(@Disposes @Depends Resource resource) {
            Events.add("disposed " + resource.id());
        }

        @Produces @Depends
        PerMessage perMessage() {
            return new PerMessage(produced());
        }

        void closePerMessage(@Disposes @Depends PerMessage perMessage) {
            Events.add("disposed " + perMessage.id());
        }

        private static int produced() {
            int id = PRODUCED.incrementAndGet();
            Events.add("produced " + id);
            return id;
        }
    }

    @ServerEndpoint("/resource")
    public static class ResourceEndpoint {
        @Inject @Depends Resource resource;

        @OnMessage
        public String message(String text, @Depends PerMessage perMessage) {
            return text;
        }
    }
}
