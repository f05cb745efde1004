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
 * Deploys wrapped endpoints in a WAR: takes them out of the container's scanned annotated endpoints
 * and registers an adapter endpoint per class in their place (research/containers.md §2, §10).
 * Unwrapped endpoints are returned unchanged, so the container dispatches them itself.
 *
 * <p>Containers call it reflectively while deploying, possibly before CDI is running, so the adapter
 * configuration is built from the {@code @ServerEndpoint} annotation alone and the CDI side is looked
 * up on the first handshake. Containers call the two methods in different orders (WildFly: annotated
 * classes first; Tyrus: endpoint configurations first); when the configurations are asked for first,
 * the wrapped classes come from the CDI side ({@link Deployment}).
 *
 * <p>If the application has a {@code ServerApplicationConfig} of its own, it must not return the
 * wrapped classes (the container takes the union of all configs): use {@link #withoutWrapped(Set)}.
 */
public class WsDependsApplicationConfig implements ServerApplicationConfig {

    private final Set<Class<?>> wrapped = new LinkedHashSet<>();

    /**
     * The adapter configurations of the wrapped endpoints.
     *
     * @param scanned the programmatic endpoints the container found (left to the application)
     * @return one adapter configuration per wrapped endpoint class
     */
    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
        Set<Class<?>> classes;
        synchronized (wrapped) {
            classes = wrapped.isEmpty() ? wrappedFromCdi() : Set.copyOf(wrapped);
        }
        Set<ServerEndpointConfig> configs = new LinkedHashSet<>();
        for (Class<?> type : classes) {
            configs.add(adapterConfig(type, () -> Deployment.current().runtimeFor(type)));
        }
        return configs;
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
        WrapPolicy policy = WrapPolicy.configured(Thread.currentThread().getContextClassLoader(),
                scanned.isEmpty() ? null : scanned.iterator().next());
        Set<Class<?>> plain = new LinkedHashSet<>();
        synchronized (wrapped) {
            for (Class<?> type : scanned) {
                if (type.isAnnotationPresent(ServerEndpoint.class) && policy.wraps(type)) {
                    wrapped.add(type);
                } else {
                    plain.add(type);
                }
            }
        }
        return plain;
    }

    /**
     * For an application's own {@code ServerApplicationConfig}: the classes it may return, i.e.
     * {@code classes} without the ones wsdepends wraps.
     *
     * @param classes annotated endpoint classes
     * @return a new set without the wrapped ones
     */
    public static Set<Class<?>> withoutWrapped(Set<Class<?>> classes) {
        WrapPolicy policy = WrapPolicy.configured(Thread.currentThread().getContextClassLoader(),
                classes.isEmpty() ? null : classes.iterator().next());
        Set<Class<?>> plain = new LinkedHashSet<>();
        for (Class<?> type : classes) {
            if (!policy.wraps(type)) {
                plain.add(type);
            }
        }
        return plain;
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

    private static Set<Class<?>> wrappedFromCdi() {
        try {
            return Deployment.current().wrappedEndpointClasses();
        } catch (IllegalStateException noCdiYet) {
            return Set.of();
        }
    }
}
