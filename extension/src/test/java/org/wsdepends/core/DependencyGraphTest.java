package org.wsdepends.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wsdepends.core.Recorder.dep;
import static org.wsdepends.core.Recorder.dependant;
import static org.wsdepends.core.Recorder.query;
import static org.wsdepends.core.Recorder.scoped;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.wsdepends.Scope;

class DependencyGraphTest {

    private static final String CYCLE_FIX =
            ". Fix: remove one of these @Depends parameters, or let one producer take what it needs without the other";

    private final Recorder recorder = new Recorder();

    /** A dependency whose inputs are set later, so that cycles can be built. */
    private static Dependency node(String name) {
        return new Dependency("com.acme.Deps#" + name, name, arguments -> {
            throw new AssertionError("never created");
        });
    }

    private static String scopeViolation(String site, String shortName) {
        return "WSD-0205 " + site + ": The dependency \"" + shortName + "\" has a scope of \"connection\", it cannot depend on dependencies with scope"
                + " \"message\". Fix: declare this parameter @Depends(scope = Scope.CONNECTION) or Scope.AUTO, or inject com.acme.Deps#"
                + shortName + " only into @OnMessage/@OnError parameters";
    }

    @Test
    void aValidGraphHasNoProblems() {
        Dependency db = recorder.dependency("db");
        Dependency user = recorder.dependency("user", query("token"), dep(db));
        Dependency audit = recorder.dependency("audit", dep(user), scoped(db, Scope.CONNECTION));

        List<String> problems = new DependencyGraph()
                .check("com.acme.ChatEndpoint", dependant(dep(user), query("room")), Scope.CONNECTION)
                .check("com.acme.ChatEndpoint#onMessage", dependant(dep(audit), scoped(audit, Scope.MESSAGE)), Scope.MESSAGE)
                .problems();

        assertThat(problems).isEmpty();
    }

    @Test
    void aDiamondIsNotACycle() {
        Dependency d = recorder.dependency("d");
        Dependency b = recorder.dependency("b", dep(d));
        Dependency c = recorder.dependency("c", dep(d));
        Dependency a = recorder.dependency("a", dep(b), dep(c));

        assertThat(new DependencyGraph().check("E", dependant(dep(a), dep(d)), Scope.CONNECTION).problems()).isEmpty();
    }

    @Test
    void aCycleIsReportedWithItsChain() {
        Dependency a = node("a");
        Dependency b = node("b");
        a.setInputs(dependant(dep(b)));
        b.setInputs(dependant(dep(a)));

        assertThat(new DependencyGraph().check("com.acme.E", dependant(dep(a)), Scope.CONNECTION).problems()).containsExactly(
                "WSD-0207 com.acme.Deps#a: dependency cycle com.acme.Deps#a -> com.acme.Deps#b -> com.acme.Deps#a" + CYCLE_FIX);
    }

    @Test
    void aSelfReferenceIsACycle() {
        Dependency self = node("self");
        self.setInputs(dependant(query("q"), dep(self)));

        assertThat(new DependencyGraph().check("E", dependant(dep(self)), Scope.CONNECTION).problems())
                .containsExactly("WSD-0207 com.acme.Deps#self: dependency cycle com.acme.Deps#self -> com.acme.Deps#self" + CYCLE_FIX);
    }

    @Test
    void theChainStartsWhereTheCycleStartsNotAtTheRoot() {
        Dependency root = node("root");
        Dependency a = node("a");
        Dependency b = node("b");
        Dependency c = node("c");
        root.setInputs(dependant(dep(a)));
        a.setInputs(dependant(dep(b)));
        b.setInputs(dependant(dep(c)));
        c.setInputs(dependant(dep(a)));

        assertThat(new DependencyGraph().check("E", dependant(dep(root)), Scope.CONNECTION).problems()).containsExactly(
                "WSD-0207 com.acme.Deps#a: dependency cycle com.acme.Deps#a -> com.acme.Deps#b -> com.acme.Deps#c -> com.acme.Deps#a" + CYCLE_FIX);
    }

    @Test
    void aCycleReachedFromSeveralRootsIsReportedOnce() {
        Dependency a = node("a");
        Dependency b = node("b");
        a.setInputs(dependant(dep(b)));
        b.setInputs(dependant(dep(a)));

        List<String> problems = new DependencyGraph()
                .check("E1", dependant(dep(a)), Scope.CONNECTION)
                .check("E2", dependant(dep(b), dep(a)), Scope.CONNECTION)
                .check("E3#onMessage", dependant(dep(b)), Scope.MESSAGE)
                .problems();

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith("WSD-0207 com.acme.Deps#a: dependency cycle ");
    }

    @Test
    void twoSeparateCyclesAreBothReported() {
        Dependency a = node("a");
        Dependency b = node("b");
        a.setInputs(dependant(dep(a)));
        b.setInputs(dependant(dep(b)));

        assertThat(new DependencyGraph().check("E", dependant(dep(a), dep(b)), Scope.CONNECTION).problems()).containsExactly(
                "WSD-0207 com.acme.Deps#a: dependency cycle com.acme.Deps#a -> com.acme.Deps#a" + CYCLE_FIX,
                "WSD-0207 com.acme.Deps#b: dependency cycle com.acme.Deps#b -> com.acme.Deps#b" + CYCLE_FIX);
    }

    @Test
    void aConnectionDependencyThatNeedsAMessageOneIsFastApisScopeError() {
        Dependency audit = recorder.dependency("audit");
        Dependency user = new Dependency("com.acme.Deps#user", "user", arguments -> null);
        user.setInputs(dependant(new Input.Dep(audit, true, Scope.MESSAGE, "parameter 0 of com.acme.Deps#user")));

        List<String> problems = new DependencyGraph().check("com.acme.ChatEndpoint", dependant(dep(user)), Scope.CONNECTION).problems();

        assertThat(problems).containsExactly(scopeViolation("parameter 0 of com.acme.Deps#user", "user"));
        assertThat(problems.get(0)).contains(
                "The dependency \"user\" has a scope of \"connection\", it cannot depend on dependencies with scope \"message\".");
    }

    @Test
    void theScopeErrorIsFoundAtAnyDepthUnderAConnectionDependency() {
        Dependency m = recorder.dependency("m");
        Dependency inner = recorder.dependency("inner", scoped(m, Scope.MESSAGE));
        Dependency outer = recorder.dependency("outer", dep(inner));

        assertThat(new DependencyGraph().check("E", dependant(dep(outer)), Scope.CONNECTION).problems())
                .containsExactly(scopeViolation("parameter m", "inner"));
    }

    @Test
    void aConnectionScopedDependencyInAMessageHandlerMayNotNeedAMessageOne() {
        Dependency m = recorder.dependency("m");
        Dependency c = recorder.dependency("c", scoped(m, Scope.MESSAGE));

        assertThat(new DependencyGraph().check("E#onMessage", dependant(scoped(c, Scope.CONNECTION)), Scope.MESSAGE).problems())
                .containsExactly(scopeViolation("parameter m", "c"));
    }

    @Test
    void anAutoDependencyInAMessageHandlerMayNeedAMessageOne() {
        Dependency m = recorder.dependency("m");
        Dependency c = recorder.dependency("c", scoped(m, Scope.MESSAGE));
        Dependency conn = recorder.dependency("conn");
        Dependency mixed = recorder.dependency("mixed", scoped(conn, Scope.CONNECTION), dep(c));

        assertThat(new DependencyGraph().check("E#onMessage", dependant(dep(mixed), scoped(m, Scope.MESSAGE)), Scope.MESSAGE).problems())
                .isEmpty();
    }

    @Test
    void messageScopeOnAConnectionInjectionPointIsRefused() {
        Dependency audit = recorder.dependency("audit");

        assertThat(new DependencyGraph().check("com.acme.ChatEndpoint",
                dependant(new Input.Dep(audit, true, Scope.MESSAGE, "field com.acme.ChatEndpoint.audit")), Scope.CONNECTION).problems())
                .containsExactly("WSD-0206 field com.acme.ChatEndpoint.audit: @Depends(scope = MESSAGE) is only allowed on @OnMessage and @OnError"
                        + " parameters, and com.acme.ChatEndpoint lives for the whole connection. Fix: use Scope.CONNECTION or"
                        + " Scope.AUTO here, or move the dependency to an @OnMessage parameter");
    }

    @Test
    void everyProblemIsListedOnceInTheOrderFound() {
        Dependency m = recorder.dependency("m");
        Dependency bad = recorder.dependency("bad", scoped(m, Scope.MESSAGE));
        Dependency loop = node("loop");
        loop.setInputs(dependant(dep(loop)));

        List<String> problems = new DependencyGraph()
                .check("E", dependant(dep(bad), dep(loop)), Scope.CONNECTION)
                .check("E", dependant(dep(bad)), Scope.CONNECTION)
                .problems();

        assertThat(problems).containsExactly(scopeViolation("parameter m", "bad"),
                "WSD-0207 com.acme.Deps#loop: dependency cycle com.acme.Deps#loop -> com.acme.Deps#loop" + CYCLE_FIX);
    }

    @Test
    void problemsIsASnapshot() {
        DependencyGraph graph = new DependencyGraph();
        List<String> before = graph.problems();
        Dependency loop = node("loop");
        loop.setInputs(dependant(dep(loop)));

        graph.check("E", dependant(dep(loop)), Scope.CONNECTION);

        assertThat(before).isEmpty();
        assertThat(graph.problems()).hasSize(1);
        assertThatThrownBy(() -> graph.problems().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void inputsCanBeSetOnlyOnce() {
        Dependency d = node("d");
        assertThat(d.inputs()).isSameAs(Dependant.NONE);
        d.setInputs(dependant(query("q")));

        assertThatThrownBy(() -> d.setInputs(Dependant.NONE)).isInstanceOf(IllegalStateException.class)
                .hasMessage("inputs of com.acme.Deps#d already set");
        assertThat(d.inputs().inputs()).hasSize(1);
        assertThat(d).hasToString("com.acme.Deps#d");
        assertThat(d.shortName()).isEqualTo("d");
    }
}
