package org.wsdepends.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.wsdepends.core.Origins;

/**
 * What all connections of one wrapped endpoint class share: the model, the way to its CDI side,
 * exception handling, the message codec and the open connections (ended when the container shuts
 * down).
 */
public final class EndpointRuntime {

    final EndpointModel model;
    final EndpointFactory factory;
    final ExceptionDispatcher exceptions;
    final MessageCodec codec;
    final String description;
    final String connectionScopeName;
    final String messageScopeName;
    final Expiry expiry = new Expiry();
    final Origins origins;
    private final Set<WrappedEndpoint> open = ConcurrentHashMap.newKeySet();

    /**
     * @param model    the endpoint's model
     * @param factory  its CDI side
     * @param handlers the user's exception handler beans
     * @param origins  the origins allowed to connect
     */
    public EndpointRuntime(EndpointModel model, EndpointFactory factory, List<ExceptionHandlers.Registration> handlers,
            Origins origins) {
        this.model = model;
        this.factory = factory;
        this.exceptions = new ExceptionDispatcher(handlers);
        this.codec = new MessageCodec(model, factory::validator);
        this.description = model.description();
        this.connectionScopeName = "connection of " + model.path();
        this.messageScopeName = "message of " + model.path();
        this.origins = origins;
    }

    /** @return the model */
    public EndpointModel model() {
        return model;
    }

    void opened(WrappedEndpoint connection) {
        open.add(connection);
    }

    void ended(WrappedEndpoint connection) {
        open.remove(connection);
    }

    /** Ends the connections still open when the container shuts down, so their cleanup runs. */
    public void endAll() {
        for (WrappedEndpoint connection : List.copyOf(open)) {
            connection.endOnShutdown();
        }
        expiry.shutdown();
    }
}
