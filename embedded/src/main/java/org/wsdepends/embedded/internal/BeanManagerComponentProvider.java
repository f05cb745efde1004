package org.wsdepends.embedded.internal;

import org.glassfish.tyrus.core.ComponentProvider;

/**
 * Tyrus {@link ComponentProvider} that lets CDI create the objects Tyrus instantiates itself (plain
 * {@code @ServerEndpoint} instances, encoders, decoders), so {@code @Inject} and {@code @PostConstruct} work
 * in them, and releases them ({@code @PreDestroy}, disposal of {@code @Dependent} dependencies) when Tyrus ends
 * the session. Internal to wsdepends-embedded: not API.
 *
 * <p>Registered in {@code META-INF/services/org.glassfish.tyrus.core.ComponentProvider}; Tyrus instantiates it
 * once per WebSocket engine. It serves the embedded server that was current on the instantiating thread (see
 * {@link ManagedInstances#callWith}); created anywhere else, for example by another Tyrus server in the same JVM,
 * it declares itself not applicable and Tyrus falls back to its reflective default.
 */
public final class BeanManagerComponentProvider extends ComponentProvider {

    private final ManagedInstances captured;

    /**
     * Called by Tyrus's service loader; captures the embedded server current on the calling thread, if any.
     */
    public BeanManagerComponentProvider() {
        this.captured = ManagedInstances.current();
    }

    /**
     * {@inheritDoc}
     *
     * @return {@code true} if this provider belongs to an embedded server and CDI can create {@code c}
     */
    @Override
    public boolean isApplicable(Class<?> c) {
        ManagedInstances instances = instances();
        return instances != null && instances.canCreate(c);
    }

    /**
     * {@inheritDoc}
     *
     * @return the injected instance, or {@code null} if this provider belongs to no embedded server
     * @throws RuntimeException if CDI fails to create it (Tyrus reports it as a failure of the session)
     */
    @Override
    public <T> Object create(Class<T> c) {
        ManagedInstances instances = instances();
        return instances == null ? null : instances.create(c);
    }

    /**
     * {@inheritDoc}
     *
     * @return {@code true} if {@code o} was created by this provider's server and has now been released
     */
    @Override
    public boolean destroy(Object o) {
        ManagedInstances instances = instances();
        return instances != null && instances.destroy(o);
    }

    private ManagedInstances instances() {
        // a provider created lazily outside engine construction (a configurator's own) still finds its server
        // when it is used during a handshake
        return captured != null ? captured : ManagedInstances.current();
    }
}
