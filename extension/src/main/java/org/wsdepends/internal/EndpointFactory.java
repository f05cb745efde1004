package org.wsdepends.internal;

import jakarta.validation.Validator;

/**
 * All the WebSocket adapter needs from the CDI container for one wrapped endpoint class; the
 * extension implements it. Keeps this package free of CDI types.
 */
public interface EndpointFactory {

    /**
     * Creates the user's endpoint with the resolved connection values at its injection points,
     * through CDI (interceptors, initializers and {@code @PostConstruct} apply).
     *
     * @param connectionValues the values, indexed as the endpoint model's plan says
     * @return the instance and how to release it
     * @throws Exception whatever creation threw (a {@code @PostConstruct}, a constructor)
     */
    Created create(Object[] connectionValues) throws Exception;

    /**
     * Activates CDI's request context on this thread for one callback, unless one is active already.
     * Allocates nothing of its own: the per-message path calls it directly, without a callback object.
     *
     * @return what {@link #exitRequestContext} needs; {@code null} if a context was active already
     */
    Object enterRequestContext();

    /**
     * Ends the request context {@link #enterRequestContext()} activated on this thread, destroying its
     * {@code @RequestScoped} beans.
     *
     * @param token what {@code enterRequestContext()} returned; {@code null} does nothing
     */
    void exitRequestContext(Object token);

    /**
     * Runs a callback with CDI's request context active (a new one, unless one is active on this
     * thread).
     *
     * @param callback the callback
     */
    default void inRequestContext(Runnable callback) {
        Object token = enterRequestContext();
        try {
            callback.run();
        } finally {
            exitRequestContext(token);
        }
    }

    /** @return the deployment's Bean Validation validator, for {@code @Valid} messages */
    Validator validator();

    /** One endpoint instance. */
    interface Created {

        /** @return the user's endpoint */
        Object instance();

        /** Runs {@code @PreDestroy} and releases what CDI created for it; called once. */
        void release();
    }
}
