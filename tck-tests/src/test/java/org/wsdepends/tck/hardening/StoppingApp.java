package org.wsdepends.tck.hardening;

import java.util.Arrays;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.websocket.CloseReason;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnOpen;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import org.wsdepends.Depends;
import org.wsdepends.Path;
import org.wsdepends.tck.support.Events;
import org.wsdepends.tck.support.Recorder;
import org.wsdepends.tck.support.Tracked;

/**
 * The application {@link OpenWhileStoppingTest} deploys: connections held in their handshake, or in resolving their
 * dependency, until the application is stopping.
 */
public final class StoppingApp {

    /** Recorded once the application stops: by {@link Stopping} on the servers, by the test on the embedded runtime. */
    public static final String STOPPING = "application stopping";
    /** Recorded by the test once it saw what its connection came to, which lets the application finish stopping. */
    public static final String SEEN = "the test saw the outcome";
    /**
     * Recorded by the test on the servers when its connection got the close frame wsdepends sent while the
     * dependency was still being made: the application is stopping and waits for that connection.
     */
    public static final String CLOSED = "the client got its close";

    private StoppingApp() {
    }

    /** Holds the calling thread until one of {@code events} was recorded; records {@code otherwise} after the recorder's 10 s. */
    static void await(String otherwise, String... events) {
        try {
            new Recorder().await(recorded -> Arrays.stream(events).anyMatch(recorded::contains));
        } catch (AssertionError notRecorded) {
            Events.add(otherwise);
        }
    }

    /**
     * Records {@link #STOPPING} once wsdepends ended the open connections (its observer has the default priority),
     * then keeps the application stopping until the test saw the outcome: the held connection goes on while the
     * application stops, not once it is gone.
     */
    public static class Stopping implements Extension {
        void stopping(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) BeforeShutdown event) {
            Events.add(STOPPING);
            await("stopped before the test saw the outcome", SEEN);
        }
    }

    public static final class Resource extends Tracked {
        Resource() {
            super("resource");
        }
    }

    @ApplicationScoped
    public static class Resources {
        @Produces @Depends
        Resource resource(@Path("stage") String stage) {
            if (stage.equals("resolving")) {
                Events.add("resolving");
                await("gave up waiting for the application to stop", STOPPING, CLOSED);
            }
            return new Resource();
        }

        void close(@Disposes @Depends Resource resource) {
            resource.close();
        }
    }

    /** Holds the handshake of {@code /held/upgrading} before its upgrade until the application is stopping. */
    public static class HeldHandshake extends ServerEndpointConfig.Configurator {
        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            if (request.getRequestURI().getPath().endsWith("/upgrading")) {
                Events.add("upgrading");
                await("gave up waiting for the application to stop", STOPPING);
            }
        }
    }

    /** Held in its handshake ({@code /held/upgrading}) or in resolving its dependency ({@code /held/resolving}). */
    @ServerEndpoint(value = "/held/{stage}", configurator = HeldHandshake.class)
    public static class HeldEndpoint {
        @Inject @Depends Resource resource;

        @OnOpen
        public void opened() {
            Events.add("@OnOpen");
        }

        @OnClose
        public void closed(CloseReason reason) {
            Events.add("@OnClose " + reason.getCloseCode().getCode());
        }

        @PreDestroy
        void released() {
            Events.add("endpoint released");
        }
    }
}
