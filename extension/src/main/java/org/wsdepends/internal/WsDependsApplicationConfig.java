package org.wsdepends.internal;

import java.lang.reflect.Constructor;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import org.wsdepends.core.Lazy;
import org.wsdepends.core.Messages;
import org.wsdepends.core.Sites;
import org.wsdepends.core.WrapPolicy;

/**
 * Takes the endpoints wsdepends wraps out of the container's scanned annotated endpoints, so the
 * container does not deploy them itself (research/containers.md §2). Unwrapped endpoints are returned
 * unchanged, so the container dispatches them itself. The adapters that serve the wrapped ones are
 * registered by {@link WarRegistration}, which runs after the container called every configuration:
 * only then is it known what the application's own configurations return.
 *
 * <p>Containers call it reflectively while deploying, possibly before CDI is running, so it decides
 * from the classes alone ({@link WrapPolicy}).
 *
 * <p>An application's own {@code ServerApplicationConfig} that wants wsdepends to serve an endpoint
 * must leave it out of its result (the container deploys the union of all configurations' results):
 * {@link #withoutWrapped(Set)} does that and hands the classes to wsdepends.
 */
public class WsDependsApplicationConfig implements ServerApplicationConfig {

    /** While {@link WarRegistration} calls an application's configuration: what {@link #withoutWrapped} hands over. */
    private static final ThreadLocal<Set<Class<?>>> HANDED_OVER = new ThreadLocal<>();

    /**
     * None: the adapters are registered by {@link WarRegistration}.
     *
     * @param scanned the programmatic endpoints the container found (left to the application)
     * @return an empty set
     */
    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
        return Set.of();
    }

    /**
     * The scanned annotated endpoints without the wrapped ones; never modifies {@code scanned},
     * which containers share between all configs.
     *
     * @param scanned the annotated endpoints the container found
     * @return the endpoints the container deploys itself
     */
    @Override
    public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
        return withoutWrapped(scanned);
    }

    /**
     * For an application's own {@code ServerApplicationConfig}: the classes it may return, i.e.
     * {@code classes} without the ones wsdepends wraps, which it then deploys.
     *
     * @param classes annotated endpoint classes
     * @return a new set without the wrapped ones
     */
    public static Set<Class<?>> withoutWrapped(Set<Class<?>> classes) {
        WrapPolicy policy = WrapPolicy.configured(Thread.currentThread().getContextClassLoader(),
                classes.isEmpty() ? null : classes.iterator().next());
        Set<Class<?>> handedOver = HANDED_OVER.get();
        Set<Class<?>> plain = new LinkedHashSet<>();
        for (Class<?> type : classes) {
            if (!type.isAnnotationPresent(ServerEndpoint.class) || !policy.wraps(type)) {
                plain.add(type);
            } else if (handedOver != null) {
                handedOver.add(type);
            }
        }
        return plain;
    }

    /**
     * Calls an application's configuration as the container does, on a copy of the scanned classes.
     *
     * @param config     the application's configuration
     * @param scanned    the annotated endpoints the container found
     * @param handedOver receives the classes the configuration handed to wsdepends through {@link #withoutWrapped}
     * @return what it returns for the container to deploy itself; empty for {@code null}
     */
    static Set<Class<?>> annotatedEndpointsOf(ServerApplicationConfig config, Set<Class<?>> scanned, Set<Class<?>> handedOver) {
        HANDED_OVER.set(handedOver);
        try {
            Set<Class<?>> returned = config.getAnnotatedEndpointClasses(new LinkedHashSet<>(scanned));
            return returned == null ? Set.of() : returned;
        } finally {
            HANDED_OVER.remove();
        }
    }

    /**
     * The adapter configuration of one wrapped class, built from its {@code @ServerEndpoint}.
     *
     * @param type    the wrapped class
     * @param runtime its runtime, asked for on the first handshake
     * @return the configuration to register with the container
     * @throws IllegalStateException if the endpoint's configurator cannot be created
     */
    public static ServerEndpointConfig adapterConfig(Class<?> type, Supplier<EndpointRuntime> runtime) {
        ServerEndpoint annotation = type.getAnnotation(ServerEndpoint.class);
        ServerEndpointConfig.Configurator user = null;
        if (annotation.configurator() != ServerEndpointConfig.Configurator.class) {
            try {
                Constructor<? extends ServerEndpointConfig.Configurator> constructor = annotation.configurator().getDeclaredConstructor();
                constructor.setAccessible(true);
                user = constructor.newInstance();
            } catch (ReflectiveOperationException unusable) {
                throw new IllegalStateException(Messages.unusableConfigurator(Sites.type(type), annotation.configurator().getName()),
                        unusable);
            }
        }
        return ServerEndpointConfig.Builder.create(WrappedEndpoint.class, annotation.value())
                .subprotocols(java.util.List.of(annotation.subprotocols()))
                .decoders(java.util.List.of(annotation.decoders()))
                .encoders(java.util.List.of(annotation.encoders()))
                .configurator(new WsDependsConfigurator(new Lazy<>(runtime), user))
                .build();
    }
}
