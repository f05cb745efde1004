package org.wsdepends.tck.conformance.addendpoint;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The application {@link AddEndpointTest} deploys with {@code wrap=all}: a scanned endpoint that its listener also
 * registers with {@code ServerContainer.addEndpoint(Class)}, as Jakarta WebSocket 2.1 allows (the container deploys
 * an annotated class submitted twice once).
 */
public final class AddEndpointApp {

    private AddEndpointApp() {
    }

    @ServerEndpoint("/registered")
    public static class Registered {
        @OnMessage
        public String message(String text) {
            return "registered " + text;
        }
    }

    /** Registers {@link Registered} when the context starts. */
    public static class Registration implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent event) {
            ServerContainer container = (ServerContainer) event.getServletContext().getAttribute(ServerContainer.class.getName());
            try {
                container.addEndpoint(Registered.class);
            } catch (DeploymentException refused) {
                throw new IllegalStateException(refused);
            }
        }
    }

    /** The listener WAR's: declared with {@code @WebListener}. */
    @WebListener
    public static class DeclaredRegistration extends Registration {
    }
}
