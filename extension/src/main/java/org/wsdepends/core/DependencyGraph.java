package org.wsdepends.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.wsdepends.Scope;

/**
 * Deployment checks over the dependency graph: cycles and scope violations. Every problem is
 * reported, each naming the class and member and saying how to fix it.
 */
public final class DependencyGraph {

    private final Set<String> problems = new LinkedHashSet<>();
    private final Set<Dependency> checkedForCycles = new HashSet<>();

    /**
     * Checks one root dependant.
     *
     * @param owner     what the root belongs to, e.g. {@code com.acme.ChatEndpoint}
     * @param dependant the root
     * @param place     the scope of the root's place: {@link Scope#CONNECTION} or {@link Scope#MESSAGE}
     * @return this
     */
    public DependencyGraph check(String owner, Dependant dependant, Scope place) {
        for (Input input : dependant.inputs()) {
            if (input instanceof Input.Dep dep) {
                if (place == Scope.CONNECTION && dep.scope() == Scope.MESSAGE) {
                    problems.add(Messages.messageScopeAtConnection(input.site(), owner));
                }
                findCycles(dep.dependency(), new ArrayList<>());
                checkScopes(dep.dependency(), effective(dep.scope(), place), new HashSet<>());
            }
        }
        return this;
    }

    /** @return the problems found so far, in the order found, without repeats */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    private void checkScopes(Dependency dependency, Scope scope, Set<String> visited) {
        if (!visited.add(dependency.member() + "@" + scope)) {
            return;
        }
        for (Input input : dependency.inputs().inputs()) {
            if (input instanceof Input.Dep dep) {
                if (scope == Scope.CONNECTION && dep.scope() == Scope.MESSAGE) {
                    problems.add(Messages.connectionDependsOnMessage(input.site(), dependency.shortName(), dependency.member()));
                }
                checkScopes(dep.dependency(), effective(dep.scope(), scope), visited);
            }
        }
    }

    private void findCycles(Dependency dependency, List<Dependency> path) {
        int seen = path.indexOf(dependency);
        if (seen >= 0) {
            List<Dependency> cycle = path.subList(seen, path.size());
            StringBuilder chain = new StringBuilder();
            cycle.forEach(node -> chain.append(node.member()).append(" -> "));
            chain.append(dependency.member());
            problems.add(Messages.dependencyCycle(dependency.member(), chain.toString()));
            return;
        }
        if (checkedForCycles.contains(dependency)) {
            return;
        }
        path.add(dependency);
        for (Input input : dependency.inputs().inputs()) {
            if (input instanceof Input.Dep dep) {
                findCycles(dep.dependency(), path);
            }
        }
        path.remove(path.size() - 1);
        checkedForCycles.add(dependency);
    }

    private static Scope effective(Scope declared, Scope place) {
        return declared == Scope.AUTO ? place : declared;
    }

    /**
     * Every handshake value, credential and container identity the roots read, directly or through
     * their dependencies (each dependency visited once), in the order found.
     *
     * @param roots the dependants to start from
     * @return the {@link Input.Param}, {@link Input.Secret} and {@link Input.ContainerIdentity} inputs
     */
    public static List<Input> handshakeInputs(List<Dependant> roots) {
        List<Input> found = new ArrayList<>();
        java.util.Deque<Input> pending = new java.util.ArrayDeque<>();
        roots.forEach(root -> pending.addAll(root.inputs()));
        Set<Dependency> visited = new HashSet<>();
        while (!pending.isEmpty()) {
            Input input = pending.pop();
            if (!(input instanceof Input.Dep dep)) {
                found.add(input);
            } else if (visited.add(dep.dependency())) {
                pending.addAll(dep.dependency().inputs().inputs());
            }
        }
        return found;
    }

    /**
     * The request headers the roots read ({@code Cookie} for cookies): the only ones a connection
     * copies from its handshake.
     *
     * @param roots the dependants to start from
     * @return the header names, case-insensitive
     */
    public static Set<String> headerNames(List<Dependant> roots) {
        Set<String> names = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Input input : handshakeInputs(roots)) {
            if (input instanceof Input.Secret secret) {
                names.addAll(secret.credential().headers());
            } else if (input instanceof Input.Param param && param.param().source() == Source.HEADER) {
                names.add(param.param().name());
            } else if (input instanceof Input.Param param && param.param().source() == Source.COOKIE) {
                names.add("Cookie");
            }
        }
        return java.util.Collections.unmodifiableSet(names);
    }

    /**
     * @param roots the dependants to start from
     * @return whether any of them reads the container's identity, so the handshake asks the container
     *         for the principal's roles
     */
    public static boolean readsContainerIdentity(List<Dependant> roots) {
        return handshakeInputs(roots).stream().anyMatch(Input.ContainerIdentity.class::isInstance);
    }

    /**
     * @param roots the dependants to start from
     * @return whether any of them reads a bearer token, so the subprotocol carrier may be offered
     */
    public static boolean readsBearerToken(List<Dependant> roots) {
        return handshakeInputs(roots).stream().anyMatch(input -> input instanceof Input.Secret secret && secret.credential().isBearer());
    }
}
