package org.wsdepends.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;


/**
 * The endpoints of one CDI deployment, as the extension sorted them: what the embedded runtime and
 * the WAR's application config register with the WebSocket container. Filled by the extension during
 * deployment, read-only after.
 */
public final class EndpointRegistry implements Deployment {

    /**
     * How long stopping the application waits for callbacks still running (docs/limits.md), as the embedded server
     * waits for its connections.
     */
    static final Duration DRAIN_WAIT = Duration.ofSeconds(3);

    private final Set<Class<?>> wrapped = new LinkedHashSet<>();
    private final Set<Class<?>> plain = new LinkedHashSet<>();
    private final List<EndpointRuntime> runtimes = new ArrayList<>();
    private Set<ServerEndpointConfig> configs;
    private UpgradeGate gate;

    /** @param type a {@code @ServerEndpoint} class wsdepends wraps */
    public void addWrapped(Class<?> type) {
        wrapped.add(type);
    }

    /** @param type a {@code @ServerEndpoint} class the container dispatches itself */
    public void addPlain(Class<?> type) {
        plain.add(type);
    }

    /** @return whether the class was added, wrapped or plain */
    public boolean knows(Class<?> type) {
        return wrapped.contains(type) || plain.contains(type);
    }

    /** @param runtime the runtime of a wrapped class, once CDI validated the deployment */
    public void addRuntime(EndpointRuntime runtime) {
        runtimes.add(runtime);
    }

    /**
     * Ends the connections still open, so their cleanup runs while CDI still does: each is closed with 1001, and
     * one whose callback still runs (resolving its dependencies, handling a message) is cleaned up when the callback
     * returns, waited for up to {@link #DRAIN_WAIT}; after that, it is cleaned up while the callback runs.
     */
    public void endAll() {
        runtimes.forEach(EndpointRuntime::closeAll);
        long deadline = System.nanoTime() + DRAIN_WAIT.toNanos();
        while (!runtimes.stream().allMatch(EndpointRuntime::allEnded) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        runtimes.forEach(runtime -> runtime.endRemaining(DRAIN_WAIT));
    }

    /**
     * The adapter configurations of every wrapped endpoint class CDI reported; register each with the
     * WebSocket container's {@code addEndpoint(ServerEndpointConfig)} before it starts.
     *
     * @return the configurations, empty before CDI finished deployment (or if it failed)
     */
    public synchronized Set<ServerEndpointConfig> wrappedEndpointConfigs() {
        if (configs == null && !runtimes.isEmpty()) {
            Set<ServerEndpointConfig> built = new LinkedHashSet<>();
            for (EndpointRuntime runtime : runtimes) {
                built.add(WsDependsApplicationConfig.adapterConfig(runtime.model().type(), () -> runtime));
            }
            configs = built;
        }
        return configs == null ? Set.of() : configs;
    }

    /**
     * The {@code @ServerEndpoint} classes CDI reported that are not wrapped; register each with
     * {@code addEndpoint(Class)} so the container dispatches them itself.
     *
     * @return the classes
     */
    public Set<Class<?>> plainEndpointClasses() {
        return Set.copyOf(plain);
    }

    /** @return the {@code @ServerEndpoint} classes wsdepends wraps */
    public Set<Class<?>> wrappedEndpointClasses() {
        return Set.copyOf(wrapped);
    }

    @Override
    public synchronized UpgradeGate upgradeGate() {
        if (gate == null) {
            if (runtimes.isEmpty() && !wrapped.isEmpty()) {
                throw new IllegalStateException("the CDI deployment has not finished: no endpoint runtime exists yet");
            }
            List<String> plainPaths = new ArrayList<>();
            for (Class<?> type : plain) {
                plainPaths.add(type.getAnnotation(ServerEndpoint.class).value());
            }
            gate = new UpgradeGate(runtimes, plainPaths);
        }
        return gate;
    }

    @Override
    public EndpointRuntime runtimeFor(Class<?> endpointClass) {
        for (EndpointRuntime runtime : runtimes) {
            if (runtime.model().type() == endpointClass) {
                return runtime;
            }
        }
        throw new IllegalStateException(endpointClass.getName() + " is not a wrapped endpoint of this CDI deployment"
                + " (wrapped: " + wrapped + "). Is it in a bean archive the CDI container scans?");
    }
}
