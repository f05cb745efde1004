package org.wsdepends.internal;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Extension;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * The container the application sees while its initializers and listeners run on Tyrus, which collects
 * {@code addEndpoint} calls until its filter starts and only then finds a path registered twice: it
 * remembers the classes the application registers itself, so {@link WarRegistration} leaves their paths
 * to the application. Everything is passed on to the container unchanged.
 */
final class RecordingServerContainer implements ServerContainer {

    private final ServerContainer container;
    private final Set<Class<?>> registered;

    /**
     * @param container  the container's own
     * @param registered receives every class given to {@link #addEndpoint(Class)}
     */
    RecordingServerContainer(ServerContainer container, Set<Class<?>> registered) {
        this.container = container;
        this.registered = registered;
    }

    /** @return the container's own */
    ServerContainer container() {
        return container;
    }

    @Override
    public void addEndpoint(Class<?> endpointClass) throws DeploymentException {
        registered.add(endpointClass);
        container.addEndpoint(endpointClass);
    }

    @Override
    public void addEndpoint(ServerEndpointConfig serverConfig) throws DeploymentException {
        container.addEndpoint(serverConfig);
    }

    @Override
    public void upgradeHttpToWebSocket(Object request, Object response, ServerEndpointConfig config, Map<String, String> pathParameters)
            throws IOException, DeploymentException {
        container.upgradeHttpToWebSocket(request, response, config, pathParameters);
    }

    @Override
    public long getDefaultAsyncSendTimeout() {
        return container.getDefaultAsyncSendTimeout();
    }

    @Override
    public void setAsyncSendTimeout(long timeout) {
        container.setAsyncSendTimeout(timeout);
    }

    @Override
    public Session connectToServer(Object annotatedEndpointInstance, URI path) throws DeploymentException, IOException {
        return container.connectToServer(annotatedEndpointInstance, path);
    }

    @Override
    public Session connectToServer(Class<?> annotatedEndpointClass, URI path) throws DeploymentException, IOException {
        return container.connectToServer(annotatedEndpointClass, path);
    }

    @Override
    public Session connectToServer(Endpoint endpointInstance, ClientEndpointConfig config, URI path)
            throws DeploymentException, IOException {
        return container.connectToServer(endpointInstance, config, path);
    }

    @Override
    public Session connectToServer(Class<? extends Endpoint> endpointClass, ClientEndpointConfig config, URI path)
            throws DeploymentException, IOException {
        return container.connectToServer(endpointClass, config, path);
    }

    @Override
    public long getDefaultMaxSessionIdleTimeout() {
        return container.getDefaultMaxSessionIdleTimeout();
    }

    @Override
    public void setDefaultMaxSessionIdleTimeout(long timeout) {
        container.setDefaultMaxSessionIdleTimeout(timeout);
    }

    @Override
    public int getDefaultMaxBinaryMessageBufferSize() {
        return container.getDefaultMaxBinaryMessageBufferSize();
    }

    @Override
    public void setDefaultMaxBinaryMessageBufferSize(int max) {
        container.setDefaultMaxBinaryMessageBufferSize(max);
    }

    @Override
    public int getDefaultMaxTextMessageBufferSize() {
        return container.getDefaultMaxTextMessageBufferSize();
    }

    @Override
    public void setDefaultMaxTextMessageBufferSize(int max) {
        container.setDefaultMaxTextMessageBufferSize(max);
    }

    @Override
    public Set<Extension> getInstalledExtensions() {
        return container.getInstalledExtensions();
    }
}
