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
                    problems.add(input.site() + ": @Depends(scope = MESSAGE) is only allowed on @OnMessage and @OnError"
                            + " parameters, and " + owner + " lives for the whole connection. Fix: use Scope.CONNECTION or"
                            + " Scope.AUTO here, or move the dependency to an @OnMessage parameter");
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
                    problems.add(input.site() + ": The dependency \"" + dependency.shortName()
                            + "\" has a scope of \"connection\", it cannot depend on dependencies with scope \"message\"."
                            + " Fix: declare this parameter @Depends(scope = Scope.CONNECTION) or Scope.AUTO, or inject "
                            + dependency.member() + " only into @OnMessage/@OnError parameters");
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
            problems.add(dependency.member() + ": dependency cycle " + chain
                    + ". Fix: remove one of these @Depends parameters, or let one producer take what it needs without the other");
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
}
