package org.wsdepends.embedded;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;

import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;
import org.wsdepends.embedded.internal.ManagedInstances;

/**
 * The Tyrus server container of one embedded server: holds the endpoints and the WebSocket engine, and leaves
 * the network to Grizzly ({@link TyrusFilter}). Tyrus's own {@code GrizzlyServerContainer} cannot be used because
 * it creates its own HTTP server bound to 0.0.0.0.
 */
final class TyrusContainer extends TyrusServerContainer {

    private final String contextPath;
    private final Map<String, Object> properties;
    private final TyrusWebSocketEngine engine;
    private final IntSupplier port;
    private volatile boolean deployed;

    /**
     * @param contextPath        "" or a path starting with "/" and not ending with "/"
     * @param properties         Tyrus properties, kept as given
     * @param instances          the server's CDI instance manager, made current while Tyrus loads its component
     *                           providers
     * @param port               the bound port, once known
     * @param incomingBufferSize the most bytes Tyrus buffers for one connection: one frame of the largest message
     * @param endpointLimits     finds the message size limits of each session's endpoint
     */
    TyrusContainer(String contextPath, Map<String, Object> properties, ManagedInstances instances, IntSupplier port,
                   int incomingBufferSize, EndpointLimits endpointLimits) {
        super((Set<Class<?>>) null);
        this.contextPath = contextPath;
        this.properties = properties;
        this.port = port;
        // "never", as 0 is; but with 0 Tyrus 2.1.6 schedules an idle-timeout task on its scheduler thread for every
        // message a session receives or sends, and with a negative value it schedules none
        setDefaultMaxSessionIdleTimeout(-1);
        // the engine loads the ComponentProviders while it is built; they capture the current server
        this.engine = ManagedInstances.callWith(instances, () -> withClassLoader(
                () -> TyrusWebSocketEngine.builder(this)
                        .incomingBufferSize(incomingBufferSize)
                        .applicationEventListener(endpointLimits)
                        .build()));
    }

    @Override
    public void register(Class<?> endpointClass) throws DeploymentException {
        engine.register(endpointClass, contextPath);
    }

    @Override
    public void register(ServerEndpointConfig serverEndpointConfig) throws DeploymentException {
        engine.register(serverEndpointConfig, contextPath);
    }

    @Override
    public WebSocketEngine getWebSocketEngine() {
        return engine;
    }

    /**
     * Registers every endpoint added so far with the engine. Must run before the HTTP listener accepts
     * connections, so no handshake sees a half-deployed application.
     *
     * @throws DeploymentException listing every endpoint Tyrus refused
     */
    void deploy() throws DeploymentException {
        try {
            super.start(contextPath, -1);
        } catch (IOException e) {
            // TyrusServerContainer.start declares it but only registers endpoints
            throw new DeploymentException("Deploying the WebSocket endpoints failed", e);
        }
        deployed = true;
    }

    @Override
    public void addEndpoint(Class<?> endpointClass) throws DeploymentException {
        checkNotDeployed();
        super.addEndpoint(endpointClass);
    }

    @Override
    public void addEndpoint(ServerEndpointConfig serverEndpointConfig) throws DeploymentException {
        checkNotDeployed();
        super.addEndpoint(serverEndpointConfig);
    }

    private void checkNotDeployed() {
        // the WebSocket spec forbids adding endpoints after deployment; Tyrus on Grizzly would ignore them silently
        if (deployed) {
            throw new IllegalStateException("The server is already running: endpoints can only be added before it "
                    + "starts, with WsDependsServer.builder().endpoints(...)");
        }
    }

    @Override
    public void start(String rootPath, int ignoredPort) {
        throw new UnsupportedOperationException("Started by WsDependsServer");
    }

    @Override
    public int getPort() {
        return port.getAsInt();
    }

    @Override
    public Map<String, Object> getProperties() {
        return properties;
    }

    private static <T> T withClassLoader(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (previous != null) {
            return action.get();
        }
        // Tyrus finds component providers through the context class loader; without one it would find none
        thread.setContextClassLoader(TyrusContainer.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(null);
        }
    }
}
