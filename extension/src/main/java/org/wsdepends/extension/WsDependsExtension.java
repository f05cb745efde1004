package org.wsdepends.extension;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.inject.spi.Extension;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Placeholder: the real extension is being written. The embedded runtime relies only on the two
 * public methods below.
 */
public class WsDependsExtension implements Extension {

    /**
     * The adapter configurations of every wrapped endpoint class CDI reported; register each with the
     * WebSocket container's {@code addEndpoint(ServerEndpointConfig)} before it starts.
     *
     * @return the configurations, empty before CDI finished deployment
     */
    public Set<ServerEndpointConfig> wrappedEndpointConfigs() {
        return new LinkedHashSet<>();
    }

    /**
     * The {@code @ServerEndpoint} classes CDI reported that are not wrapped; register each with
     * {@code addEndpoint(Class)} so the container dispatches them itself.
     *
     * @return the classes, empty before CDI finished deployment
     */
    public Set<Class<?>> plainEndpointClasses() {
        return new LinkedHashSet<>();
    }
}
