package org.wsdepends.tck.conformance.containers;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Depends;
import org.wsdepends.Query;
import org.wsdepends.tck.support.Events;
import org.wsdepends.tck.support.Tracked;

/** The application {@link ContainerDifferencesTest} deploys: plain and wrapped endpoints where the containers differ. */
public final class ContainerDifferencesApp {

    private ContainerDifferencesApp() {
    }

    /** A connection dependency with cleanup, named by the {@code who} of its connection. */
    public static final class Resource extends Tracked {
        Resource(String who) {
            super(who);
        }
    }

    @ApplicationScoped
    public static class Resources {
        @Produces @Depends
        Resource resource(@Query("who") String who) {
            return new Resource(who);
        }

        void close(@Disposes @Depends Resource resource) {
            resource.close();
        }
    }

    /** No @OnOpen: Tyrus creates such annotated endpoints at their first message, Undertow at the handshake. */
    @ServerEndpoint("/plain/no-onopen")
    public static class PlainWithoutOnOpen {
        @PostConstruct
        void created() {
            Events.add("plain endpoint created");
        }

        @OnMessage
        public String echo(String text) {
            return text;
        }
    }

    /** The same, wrapped: wsdepends resolves the handshake and creates the endpoint when the connection opens. */
    @ServerEndpoint("/wrapped/no-onopen")
    public static class WrappedWithoutOnOpen {
        @Inject @Depends Resource resource;

        @PostConstruct
        void created() {
            Events.add("wrapped endpoint created for " + resource.name());
        }

        @OnMessage
        public String echo(String text) {
            return text;
        }
    }

    /** @OnOpen throws and nothing handles it. */
    @ServerEndpoint("/plain/open-throws")
    public static class PlainOpenThrows {
        @OnOpen
        public void open(Session session) {
            throw new IllegalStateException("failed in onOpen");
        }

        @OnMessage
        public String echo(String text) {
            return "echo:" + text;
        }

        @OnClose
        public void close(CloseReason reason) {
            Events.add(kind() + " @OnClose " + reason.getCloseCode().getCode());
        }

        String kind() {
            return "plain";
        }
    }

    @ServerEndpoint("/wrapped/open-throws")
    public static class WrappedOpenThrows extends PlainOpenThrows {
        @Inject @Depends Resource resource;

        @Override
        String kind() {
            return "wrapped";
        }
    }

    /** @OnOpen throws and the endpoint's @OnError handles it. */
    @ServerEndpoint("/plain/open-throws-handled")
    public static class PlainOpenThrowsHandled {
        @OnOpen
        public void open(Session session) {
            throw new IllegalStateException("failed in onOpen");
        }

        @OnMessage
        public String echo(String text) {
            return "echo:" + text;
        }

        @OnError
        public void error(Throwable thrown) {
            Events.add(kind() + " @OnError " + thrown.getClass().getSimpleName());
        }

        String kind() {
            return "plain";
        }
    }

    @ServerEndpoint("/wrapped/open-throws-handled")
    public static class WrappedOpenThrowsHandled extends PlainOpenThrowsHandled {
        @Inject @Depends Resource resource;

        @Override
        String kind() {
            return "wrapped";
        }
    }
}
