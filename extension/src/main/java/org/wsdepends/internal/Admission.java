package org.wsdepends.internal;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.wsdepends.Scope;
import org.wsdepends.core.DependencyScope;
import org.wsdepends.core.HandshakeData;
import org.wsdepends.core.Resolution;
import org.wsdepends.security.Identity;
import org.wsdepends.security.NotAuthenticatedException;

/**
 * What one connection resolved at its handshake: the connection values (handshake values, credentials, identity,
 * connection dependencies), checked against the endpoint's roles and the identity's expiry, and the scope holding
 * what must be disposed. {@link #admit} is the one code path of both modes: the adapter's {@code onOpen} calls it
 * in the default mode; before the upgrade, {@link UpgradeGate} calls it and hands the admission to the connection
 * the upgrade opens, which then resolves nothing again.
 *
 * <p>Exactly one party claims an admission: the connection that uses it, or whoever disposes it because no
 * connection will (the upgrade did not happen).
 */
public final class Admission {

    /** The key under which the configurator hands an admission to the connection, in the user properties. */
    static final String KEY = "org.wsdepends.admission";

    // the containers run the handshake (checkOrigin, modifyHandshake) on the thread that asks for the upgrade
    private static final ThreadLocal<Admission> UPGRADING = new ThreadLocal<>();

    private final EndpointRuntime runtime;
    private final HandshakeData handshake;
    private final DependencyScope scope;
    private final Object[] values;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private volatile boolean handedOver;

    private Admission(EndpointRuntime runtime, HandshakeData handshake, DependencyScope scope, Object[] values) {
        this.runtime = runtime;
        this.handshake = handshake;
        this.scope = scope;
        this.values = values;
    }

    /**
     * Resolves a connection's values and checks its identity. On failure the caller closes {@code scope}, which
     * disposes what this call created.
     *
     * @param runtime   the endpoint's runtime
     * @param handshake the handshake, with the path variables
     * @param scope     the connection's scope, which records what is created
     * @return the admission
     * @throws Exception whatever resolution threw: {@code RequestValidationException}, {@code
     *                   NotAuthenticatedException} (also for an identity that expired already), {@code
     *                   ForbiddenException} for a missing role, or what a producer threw
     */
    static Admission admit(EndpointRuntime runtime, HandshakeData handshake, DependencyScope scope) throws Exception {
        Object[] values = Resolution.resolve(runtime.model.connection(), Scope.CONNECTION, handshake, scope, null,
                runtime.description);
        int identityIndex = runtime.model.identityIndex();
        Identity identity = identityIndex < 0 ? null : (Identity) values[identityIndex];
        if (runtime.model.roles() != null) {
            runtime.model.roles().check(identity);
        }
        Instant expiry = identity == null ? null : identity.expiresAt().orElse(null);
        if (expiry != null && !expiry.isAfter(Instant.now())) {
            throw new NotAuthenticatedException();
        }
        return new Admission(runtime, handshake, scope, values);
    }

    /**
     * Runs the container's upgrade with this admission waiting for the connection it opens, and disposes the
     * admission unless the container accepted the upgrade and handed it over.
     *
     * @param upgrade asks the container to upgrade; returns whether it answered {@code 101}
     * @param <E>     what the upgrade throws
     * @return whether the connection got the admission
     * @throws E what the upgrade threw; the admission is disposed then
     */
    public <E extends Exception> boolean upgrade(Upgrade<E> upgrade) throws E {
        UPGRADING.set(this);
        boolean accepted = false;
        try {
            accepted = upgrade.run();
        } finally {
            UPGRADING.remove();
            if (!accepted || !handedOver) {
                dispose();
            }
        }
        return handedOver;
    }

    /**
     * The admission of the upgrade running on this thread, if it is for this endpoint; marks it handed over.
     * Called from the configurator's {@code modifyHandshake}.
     *
     * @param runtime the endpoint whose handshake the container runs
     * @return the admission, {@code null} in the default mode
     */
    static Admission upgrading(EndpointRuntime runtime) {
        Admission admission = UPGRADING.get();
        if (admission == null || admission.runtime != runtime) {
            return null;
        }
        admission.handedOver = true;
        return admission;
    }

    /** @return whether the caller is the one party that uses or disposes this admission */
    boolean claim() {
        return claimed.compareAndSet(false, true);
    }

    /** Disposes what resolution created, unless the connection claimed it. */
    void dispose() {
        if (claim()) {
            scope.close();
        }
    }

    HandshakeData handshake() {
        return handshake;
    }

    DependencyScope scope() {
        return scope;
    }

    Object[] values() {
        return values;
    }

    /**
     * The container's upgrade call.
     *
     * @param <E> what it throws
     */
    @FunctionalInterface
    public interface Upgrade<E extends Exception> {

        /**
         * @return whether the container upgraded (answered {@code 101})
         * @throws E what the container threw
         */
        boolean run() throws E;
    }
}
