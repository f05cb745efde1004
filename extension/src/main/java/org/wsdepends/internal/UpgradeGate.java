package org.wsdepends.internal;

import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.websocket.server.ServerEndpointConfig;

import org.wsdepends.core.DependencyScope;
import org.wsdepends.core.HandshakeData;
import org.wsdepends.core.PathTemplate;
import org.wsdepends.core.Refusal;

/**
 * Rejection before the upgrade (design §5): finds the endpoint a WebSocket upgrade request is for, and, if it
 * rejects before the upgrade, resolves the connection ({@link Admission#admit}, the code {@code onOpen} runs in the
 * default mode) before the container answers {@code 101}. A failure becomes the HTTP {@link Refusal}; a success is
 * an admission that the caller hands to the container's upgrade ({@link Admission#upgrade}). The servlet filter of
 * a WAR and the embedded runtime's upgrade filter call it. Immutable and thread-safe.
 */
public final class UpgradeGate {

    private static final System.Logger LOG = System.getLogger("org.wsdepends");

    private final List<PathTemplate> templates = new ArrayList<>();
    // per template: the runtime of a wrapped endpoint, null for an endpoint the container dispatches itself
    private final List<EndpointRuntime> runtimes = new ArrayList<>();
    private final List<ServerEndpointConfig> configs = new ArrayList<>();
    private final boolean empty;

    /**
     * @param wrapped    the runtimes of the wrapped endpoints
     * @param plainPaths the paths of the endpoints the container dispatches itself, which a request may select
     *                   instead of a wrapped one
     */
    UpgradeGate(Collection<EndpointRuntime> wrapped, Collection<String> plainPaths) {
        boolean none = true;
        for (EndpointRuntime runtime : wrapped) {
            templates.add(PathTemplate.of(runtime.model.path()));
            runtimes.add(runtime);
            configs.add(runtime.rejectsBeforeUpgrade
                    ? WsDependsApplicationConfig.adapterConfig(runtime.model.type(), () -> runtime) : null);
            none &= !runtime.rejectsBeforeUpgrade;
        }
        for (String path : plainPaths) {
            templates.add(PathTemplate.of(path));
            runtimes.add(null);
            configs.add(null);
        }
        this.empty = none;
    }

    /**
     * @param left endpoint classes the application registered itself, whose registration stayed (WSD-0412)
     * @return this gate with those endpoints dispatched by the container, so that their requests go on unchanged
     */
    UpgradeGate leaving(Set<Class<?>> left) {
        if (left.isEmpty()) {
            return this;
        }
        List<EndpointRuntime> kept = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (int i = 0; i < templates.size(); i++) {
            EndpointRuntime runtime = runtimes.get(i);
            if (runtime != null && !left.contains(runtime.model.type())) {
                kept.add(runtime);
            } else {
                plain.add(templates.get(i).template());
            }
        }
        return new UpgradeGate(kept, plain);
    }

    /** @return whether no endpoint rejects before the upgrade, so no request needs the gate */
    public boolean isEmpty() {
        return empty;
    }

    /**
     * Decides about one WebSocket upgrade request. Runs with CDI's request context active, as {@code onOpen} does.
     *
     * @param rawPath   the request path below the context path, still percent-encoded, without the query
     * @param rawQuery  the query string, still percent-encoded; {@code null} for none
     * @param headers   the request's values of a header name (any case), empty if absent
     * @param principal the authenticated user of the request, {@code null} if none
     * @param inRole    the request's {@code isUserInRole}
     * @return {@code null} if the request is for no endpoint that rejects before the upgrade (the container goes on
     *         as usual); otherwise the refusal to send, or the admission to upgrade with
     */
    public Verdict check(String rawPath, String rawQuery, Function<String, List<String>> headers, Principal principal,
            Predicate<String> inRole) {
        int selected = PathTemplate.select(templates, rawPath);
        EndpointRuntime runtime = selected < 0 ? null : runtimes.get(selected);
        if (runtime == null || !runtime.rejectsBeforeUpgrade) {
            return null;
        }
        List<String> origin = headers.apply("Origin");
        if (!runtime.origins.allows(origin.isEmpty() ? null : origin.get(0))) {
            return new Refused(Refusal.forbidden("Forbidden origin"));
        }
        Map<String, String> pathParameters = templates.get(selected).match(rawPath);
        Map<String, List<String>> read = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : runtime.model.headerNames()) {
            List<String> values = headers.apply(name);
            if (!values.isEmpty()) {
                read.put(name, values);
            }
        }
        HandshakeData handshake = HandshakeData.of(rawQuery, read, pathParameters, principal,
                runtime.model.grantedRoles(principal, inRole), null);
        Verdict[] verdict = new Verdict[1];
        runtime.factory.inRequestContext(() -> verdict[0] = admit(runtime, handshake, configs.get(selected),
                pathParameters));
        return verdict[0];
    }

    private static Verdict admit(EndpointRuntime runtime, HandshakeData handshake, ServerEndpointConfig config,
            Map<String, String> pathParameters) {
        DependencyScope scope = new DependencyScope(runtime.connectionScopeName);
        try {
            return new Admitted(Admission.admit(runtime, handshake, scope), config, pathParameters);
        } catch (Throwable thrown) {
            scope.close();
            Throwable failure = thrown instanceof InvocationTargetException && thrown.getCause() != null
                    ? thrown.getCause() : thrown;
            Refusal refusal = Refusal.of(failure, runtime.challenges);
            if (refusal.unexpected()) {
                LOG.log(Level.WARNING, "Refused a handshake of " + runtime.description + " before the upgrade with "
                        + refusal.status(), failure);
            }
            return new Refused(refusal);
        }
    }

    /** What to do with an upgrade request for an endpoint that rejects before the upgrade. */
    public sealed interface Verdict {
    }

    /**
     * Answer the refusal; nothing was upgraded, no endpoint instance exists, and what resolution created was
     * disposed.
     *
     * @param refusal the HTTP answer
     */
    public record Refused(Refusal refusal) implements Verdict {
    }

    /**
     * Upgrade with {@link Admission#upgrade}.
     *
     * @param admission      what was resolved, for the connection
     * @param config         the endpoint's adapter configuration, for {@code ServerContainer.upgradeHttpToWebSocket}
     * @param pathParameters the path variables, decoded
     */
    public record Admitted(Admission admission, ServerEndpointConfig config, Map<String, String> pathParameters)
            implements Verdict {
    }
}
