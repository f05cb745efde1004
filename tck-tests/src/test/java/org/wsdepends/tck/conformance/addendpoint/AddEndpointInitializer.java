package org.wsdepends.tck.conformance.addendpoint;

import java.util.Set;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;

/**
 * An application's {@code ServletContainerInitializer}, in a {@code WEB-INF/lib} jar of its own, that registers the
 * scanned {@link AddEndpointApp.Registered} again, from {@code onStartup}.
 */
public class AddEndpointInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        ServerContainer container = (ServerContainer) context.getAttribute(ServerContainer.class.getName());
        if (container == null) {
            // the WebSocket container's own initializer has not run yet: the specification allows listeners only
            context.addListener(new AddEndpointApp.Registration());
            return;
        }
        try {
            container.addEndpoint(AddEndpointApp.Registered.class);
        } catch (DeploymentException refused) {
            throw new IllegalStateException(refused);
        }
    }
}
