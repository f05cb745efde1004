package org.wsdepends.tck.context;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Query;
import org.wsdepends.tck.support.Events;

/** The application {@link RequestContextTest} deploys. */
public final class RequestContextApp {

    static final AtomicInteger IDS = new AtomicInteger();

    private RequestContextApp() {
    }

    @RequestScoped
    public static class PerCallback {
        private final int id = IDS.incrementAndGet();

        public int id() {
            return id;
        }

        @PreDestroy
        void destroyed() {
            Events.add("request bean " + id + " destroyed");
        }
    }

    @ServerEndpoint("/request")
    public static class RequestEndpoint {
        @Inject PerCallback perCallback;
        @Inject @Query("q") String q;
        @Inject BeanManager beanManager;

        @OnOpen
        public void open(Session session) throws java.io.IOException {
            session.getBasicRemote().sendText("open " + perCallback.id());
        }

        /** The bean's id twice, then the thread and the request context of the callback, for a failure's report. */
        @OnMessage
        public String message(String text) {
            String thread = Thread.currentThread().getName().replace(' ', '_');
            return perCallback.id() + " " + perCallback.id() + " " + thread + "/"
                    + beanManager.getContext(RequestScoped.class).getClass().getSimpleName();
        }

        @OnClose
        public void close() {
            Events.add("close saw " + perCallback.id());
        }
    }
}
