package org.wsdepends.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.wsdepends.core.Recorder.dep;
import static org.wsdepends.core.Recorder.dependant;
import static org.wsdepends.core.Recorder.cookie;
import static org.wsdepends.core.Recorder.header;
import static org.wsdepends.core.Recorder.param;
import static org.wsdepends.core.Recorder.path;
import static org.wsdepends.core.Recorder.query;
import static org.wsdepends.core.Recorder.scoped;
import static org.wsdepends.core.Recorder.uncached;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.wsdepends.RequestValidationException;
import org.wsdepends.Scope;
import org.wsdepends.ValidationError;
import org.wsdepends.core.Recorder.Instance;
import org.wsdepends.security.Identity;
import org.wsdepends.security.NotAuthenticatedException;

class ResolutionTest {

    private final Recorder recorder = new Recorder();
    private final DependencyScope connection = new DependencyScope("connection /ws");

    private static HandshakeData handshake(String rawQuery) {
        return HandshakeData.of(rawQuery, null, null, null);
    }

    private static HandshakeData handshake(String rawQuery, Map<String, List<String>> headers, Map<String, String> path) {
        return HandshakeData.of(rawQuery, headers, path, null);
    }

    private Object[] connect(Dependant dependant, HandshakeData handshake) throws Exception {
        return Resolution.resolve(dependant, Scope.CONNECTION, handshake, connection, null, "WS /ws");
    }

    private Object[] message(Dependant dependant, HandshakeData handshake, DependencyScope message) throws Exception {
        return Resolution.resolve(dependant, Scope.MESSAGE, handshake, connection, message, "WS /ws");
    }

    private RequestValidationException failedConnect(Dependant dependant, HandshakeData handshake) {
        return catchThrowableOfType(RequestValidationException.class, () -> connect(dependant, handshake));
    }

    private static List<String> summary(RequestValidationException failure) {
        return failure.errors().stream().map(error -> error.type() + " " + error.loc()).toList();
    }

    // --- errors (FastAPI E1-E4) ---

    @Test
    void e1OneMissingQueryParameter() {
        RequestValidationException failure = failedConnect(dependant(query("token")), handshake(""));

        assertThat(failure.errors()).containsExactly(new ValidationError("missing", List.of("query", "token"), "Field required", null));
        assertThat(ErrorReports.closeReason(failure.errors()))
                .isEqualTo("[{\"type\":\"missing\",\"loc\":[\"query\",\"token\"],\"msg\":\"Field required\",\"input\":null}]");
        assertThat(failure.endpoint()).isEqualTo("WS /ws");
    }

    @Test
    void e2ErrorsAccumulateInDeclarationOrder() {
        RequestValidationException failure = failedConnect(dependant(query("token"), param(Source.QUERY, "count", int.class)),
                handshake("count=1.5"));

        assertThat(ErrorReports.toJson(failure.errors())).isEqualTo(
                "[{\"type\":\"missing\",\"loc\":[\"query\",\"token\"],\"msg\":\"Field required\",\"input\":null},"
                        + "{\"type\":\"int_parsing\",\"loc\":[\"query\",\"count\"],"
                        + "\"msg\":\"Input should be a valid integer, unable to parse string as an integer\",\"input\":\"1.5\"}]");
    }

    @Test
    void e3SubDependencyErrorsFirstThenOwnPathQueryHeaderCookieWhateverTheDeclarationOrder() {
        Dependency dep = recorder.dependency("dep", header("x-dep"));
        Dependant endpoint = dependant(cookie("s"), query("qq"), dep(dep), param(Source.PATH, "pid", int.class));

        RequestValidationException failure = failedConnect(endpoint, handshake("", null, Map.of("pid", "x")));

        assertThat(summary(failure)).containsExactly("missing [header, x-dep]", "int_parsing [path, pid]", "missing [query, qq]",
                "missing [cookie, s]");
        assertThat(recorder.log).isEmpty();
    }

    @Test
    void ownValuesAreReportedBySourceAndStablyWithinOneSource() {
        Dependant endpoint = dependant(cookie("c1"), header("h1"), query("q1"), path("p1"), cookie("c2"), query("q2"), header("h2"));

        RequestValidationException failure = failedConnect(endpoint, handshake(""));

        assertThat(summary(failure)).containsExactly("missing [path, p1]", "missing [query, q1]", "missing [query, q2]",
                "missing [header, h1]", "missing [header, h2]", "missing [cookie, c1]", "missing [cookie, c2]");
    }

    @Test
    void errorsAreDepthFirstOverSubDependencies() {
        Dependency b = recorder.dependency("b", header("b"));
        Dependency a = recorder.dependency("a", query("a"), dep(b));
        Dependency c = recorder.dependency("c", cookie("c"));
        Dependant endpoint = dependant(query("e"), dep(a), dep(c));

        RequestValidationException failure = failedConnect(endpoint, handshake(""));

        assertThat(summary(failure)).containsExactly("missing [header, b]", "missing [query, a]", "missing [cookie, c]", "missing [query, e]");
    }

    @Test
    void e4SameDependencyTwiceWithAMissingValueIsReportedOnce() {
        Dependency d = recorder.dependency("d", query("q"));

        RequestValidationException failure = failedConnect(dependant(dep(d), dep(d)), handshake(""));

        assertThat(summary(failure)).containsExactly("missing [query, q]");
        assertThat(recorder.log).isEmpty();
    }

    @Test
    void e4SameDependencyTwiceWithValidInputIsCreatedOnce() throws Exception {
        Dependency d = recorder.dependency("d", query("q"));

        Object[] values = connect(dependant(dep(d), dep(d)), handshake("q=1"));

        assertThat(values[0]).isSameAs(values[1]);
        assertThat(recorder.log).containsExactly("create d#1");
    }

    @Test
    void aValueReadByTheEndpointAndADependencyIsReportedOnce() {
        Dependency d = recorder.dependency("d", query("token"));

        RequestValidationException failure = failedConnect(dependant(query("token"), dep(d)), handshake(""));

        assertThat(ErrorReports.closeReason(failure.errors()))
                .isEqualTo("[{\"type\":\"missing\",\"loc\":[\"query\",\"token\"],\"msg\":\"Field required\",\"input\":null}]");
    }

    @Test
    void theErrorsOfTheExceptionAreImmutable() {
        RequestValidationException failure = failedConnect(dependant(query("token")), handshake(""));

        assertThatThrownBy(() -> failure.errors().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    // --- values and order ---

    @Test
    void valuesAreReturnedInDeclarationOrder() throws Exception {
        Dependency x = recorder.dependency("x");
        Dependant endpoint = dependant(query("a"), dep(x), header("h"), cookie("c"), path("p"));

        Object[] values = connect(endpoint, handshake("a=1", Map.of("H", List.of("2"), "Cookie", List.of("c=3")), Map.of("p", "4")));

        assertThat(values).hasSize(5);
        assertThat(values[0]).isEqualTo("1");
        assertThat(values[1]).hasToString("x#1");
        assertThat(values[2]).isEqualTo("2");
        assertThat(values[3]).isEqualTo("3");
        assertThat(values[4]).isEqualTo("4");
    }

    @Test
    void producerGetsItsArgumentsInDeclarationOrderAfterItsSubDependencies() throws Exception {
        Dependency y = recorder.dependency("y");
        Dependency x = recorder.dependency("x", header("h"), dep(y), query("q"));

        Object[] values = connect(dependant(dep(x)), handshake("q=Q", Map.of("h", List.of("H")), null));

        Instance instance = (Instance) values[0];
        assertThat(instance.arguments()).hasSize(3);
        assertThat(instance.arguments().get(0)).isEqualTo("H");
        assertThat(instance.arguments().get(1)).hasToString("y#1");
        assertThat(instance.arguments().get(2)).isEqualTo("Q");
        assertThat(recorder.log).containsExactly("create y#1", "create x#1");
    }

    @Test
    void emptyDependantGivesNoValues() throws Exception {
        assertThat(connect(Dependant.NONE, handshake(""))).isEmpty();
        assertThat(Dependant.NONE.isEmpty()).isTrue();
    }

    @Test
    void setupOrderIsDepthFirstAndCleanupIsMessageScopeThenConnectionScopeEachLifo() throws Exception {
        // FastAPI exp3 /order: (c, s, f=scope "function", b2 needs a, needs_a needs a) sets up c, s, f, a, b2, needs_a
        // and tears down f first, then b2, a, s, c
        Dependency a = recorder.dependency("a");
        Dependency c = recorder.dependency("c");
        Dependency s = recorder.dependency("s");
        Dependency f = recorder.dependency("f");
        Dependency b2 = recorder.dependency("b2", dep(a));
        Dependency needsA = recorder.dependency("needs_a", dep(a));
        Dependant handler = dependant(scoped(c, Scope.CONNECTION), scoped(s, Scope.CONNECTION), dep(f), scoped(b2, Scope.CONNECTION),
                scoped(needsA, Scope.CONNECTION));
        DependencyScope message = new DependencyScope("message");

        message(handler, handshake(""), message);
        assertThat(recorder.log).containsExactly("create c#1", "create s#1", "create f#1", "create a#1", "create b2#1", "create needs_a#1");

        recorder.log.clear();
        message.close();
        connection.close();
        assertThat(recorder.log).containsExactly("destroy f#1", "destroy needs_a#1", "destroy b2#1", "destroy a#1", "destroy s#1",
                "destroy c#1");
    }

    // --- skipping and failures ---

    @Test
    void producerWithBadInputsIsNotCalledButSiblingsAre() {
        Dependency bad = recorder.dependency("bad", query("q"));
        Dependency sibling = recorder.dependency("sibling");
        Dependency parent = recorder.dependency("parent", dep(bad));
        Dependency grandparent = recorder.dependency("grandparent", dep(parent));

        RequestValidationException failure = failedConnect(dependant(dep(bad), dep(sibling), dep(grandparent)), handshake(""));

        assertThat(summary(failure)).containsExactly("missing [query, q]");
        assertThat(recorder.log).containsExactly("create sibling#1");
        connection.close();
        assertThat(recorder.log).containsExactly("create sibling#1", "destroy sibling#1");
    }

    @Test
    void aProducerIsNotCalledWhenASubDependencyHadErrorsEvenIfItsOwnValuesAreFine() {
        Dependency inner = recorder.dependency("inner", param(Source.QUERY, "n", int.class));
        Dependency outer = recorder.dependency("outer", query("ok"), dep(inner));

        RequestValidationException failure = failedConnect(dependant(dep(outer)), handshake("ok=1&n=x"));

        assertThat(summary(failure)).containsExactly("int_parsing [query, n]");
        assertThat(recorder.log).isEmpty();
    }

    @Test
    void createdInstancesStayInTheScopeWhenALaterValueFails() {
        Dependency early = recorder.dependency("early");

        failedConnect(dependant(dep(early), query("token")), handshake(""));
        connection.close();

        assertThat(recorder.log).containsExactly("create early#1", "destroy early#1");
    }

    @Test
    void anExceptionFromAProducerStopsResolutionAtOnce() {
        IllegalStateException boom = new IllegalStateException("boom");
        Dependency a = recorder.dependency("a");
        Dependency failing = recorder.failing("failing", boom);
        Dependency c = recorder.dependency("c");

        assertThatThrownBy(() -> connect(dependant(dep(a), dep(failing), dep(c), query("token")), handshake(""))).isSameAs(boom);
        assertThat(recorder.log).containsExactly("create a#1", "call failing");

        connection.close();
        assertThat(recorder.log).containsExactly("create a#1", "call failing", "destroy a#1");
    }

    @Test
    void anExceptionWinsOverValidationErrorsFoundBeforeIt() {
        Exception checked = new Exception("checked");
        Dependency bad = recorder.dependency("bad", query("q"));
        Dependency failing = recorder.failing("failing", checked);

        assertThatThrownBy(() -> connect(dependant(dep(bad), dep(failing)), handshake(""))).isSameAs(checked);
    }

    @Test
    void anExceptionFromASubDependencyPropagatesAndTheParentIsNotCalled() {
        WebSocketLikeException denied = new WebSocketLikeException();
        Dependency failing = recorder.failing("failing", denied);
        Dependency parent = recorder.dependency("parent", dep(failing));

        assertThatThrownBy(() -> connect(dependant(dep(parent)), handshake(""))).isSameAs(denied);
        assertThat(recorder.log).containsExactly("call failing");
    }

    static final class WebSocketLikeException extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    // --- caching ---

    @Test
    void aDependencyUsedDirectlyAndThroughAnotherIsCreatedOnce() throws Exception {
        Dependency counted = recorder.dependency("counted");
        Dependency user = recorder.dependency("user", dep(counted));

        Object[] values = connect(dependant(dep(counted), dep(user)), handshake(""));

        assertThat(((Instance) values[1]).arguments().get(0)).isSameAs(values[0]);
        assertThat(recorder.log).containsExactly("create counted#1", "create user#1");
    }

    @Test
    void uncachedInjectionPointGetsItsOwnInstanceAndTheCachedOneIsKept() throws Exception {
        Dependency x = recorder.dependency("x");

        Object[] values = connect(dependant(dep(x), uncached(x), dep(x)), handshake(""));

        assertThat(values[0]).hasToString("x#1").isSameAs(values[2]);
        assertThat(values[1]).hasToString("x#2");
        connection.close();
        assertThat(recorder.log).containsExactly("create x#1", "create x#2", "destroy x#2", "destroy x#1");
    }

    @Test
    void anUncachedInstanceIsNotSharedWithLaterCachedInjectionPoints() throws Exception {
        Dependency x = recorder.dependency("x");

        Object[] values = connect(dependant(uncached(x), dep(x), dep(x)), handshake(""));

        assertThat(values[0]).hasToString("x#1");
        assertThat(values[1]).hasToString("x#2").isSameAs(values[2]);
    }

    @Test
    void everyUncachedInjectionPointCreatesAnInstance() throws Exception {
        Dependency x = recorder.dependency("x");

        connect(dependant(uncached(x), uncached(x), uncached(x)), handshake(""));

        assertThat(recorder.log).containsExactly("create x#1", "create x#2", "create x#3");
    }

    @Test
    void aNullValueIsCachedToo() throws Exception {
        Dependency nothing = recorder.nullValued("nothing");

        Object[] values = connect(dependant(dep(nothing), dep(nothing)), handshake(""));

        assertThat(values).containsExactly(null, null);
        assertThat(recorder.log).containsExactly("create nothing");
    }

    @Test
    void theConnectionCacheLastsAcrossResolutionsOfOneConnectionOnly() throws Exception {
        Dependency x = recorder.dependency("x");

        Object first = connect(dependant(dep(x)), handshake(""))[0];
        Object second = connect(dependant(dep(x)), handshake(""))[0];
        Object otherConnection = Resolution.resolve(dependant(dep(x)), Scope.CONNECTION, handshake(""), new DependencyScope("other"), null,
                "WS /ws")[0];

        assertThat(second).isSameAs(first);
        assertThat(otherConnection).hasToString("x#2");
    }

    // --- scopes ---

    @Test
    void autoOnAMessageIsMessageScoped() throws Exception {
        Dependency x = recorder.dependency("x");
        DependencyScope message = new DependencyScope("message");

        message(dependant(dep(x)), handshake(""), message);
        message.close();
        assertThat(recorder.log).containsExactly("create x#1", "destroy x#1");

        connection.close();
        assertThat(recorder.log).containsExactly("create x#1", "destroy x#1");
    }

    @Test
    void connectionScopeOnAMessageReusesTheConnectionsInstance() throws Exception {
        Dependency x = recorder.dependency("x");
        Object atOpen = connect(dependant(dep(x)), handshake(""))[0];
        DependencyScope message = new DependencyScope("message");

        Object inMessage = message(dependant(scoped(x, Scope.CONNECTION)), handshake(""), message)[0];
        message.close();

        assertThat(inMessage).isSameAs(atOpen);
        assertThat(recorder.log).containsExactly("create x#1");
    }

    @Test
    void autoOnAMessageDoesNotReuseTheConnectionsInstance() throws Exception {
        Dependency x = recorder.dependency("x");
        Object atOpen = connect(dependant(dep(x)), handshake(""))[0];
        DependencyScope message = new DependencyScope("message");

        Object inMessage = message(dependant(dep(x)), handshake(""), message)[0];

        assertThat(inMessage).isNotSameAs(atOpen).hasToString("x#2");
    }

    @Test
    void connectionScopeFirstAskedForInAMessageLivesUntilTheConnectionEnds() throws Exception {
        Dependency x = recorder.dependency("x");
        DependencyScope first = new DependencyScope("message 1");
        DependencyScope second = new DependencyScope("message 2");

        Object one = message(dependant(scoped(x, Scope.CONNECTION)), handshake(""), first)[0];
        first.close();
        Object two = message(dependant(scoped(x, Scope.CONNECTION)), handshake(""), second)[0];
        second.close();
        assertThat(two).isSameAs(one);
        assertThat(recorder.log).containsExactly("create x#1");

        connection.close();
        assertThat(recorder.log).containsExactly("create x#1", "destroy x#1");
    }

    @Test
    void autoSubDependenciesTakeTheScopeOfTheirDependant() throws Exception {
        Dependency connectionSub = recorder.dependency("csub");
        Dependency connectionDep = recorder.dependency("cdep", dep(connectionSub));
        Dependency messageSub = recorder.dependency("msub");
        Dependency messageDep = recorder.dependency("mdep", dep(messageSub));
        DependencyScope message = new DependencyScope("message");

        message(dependant(scoped(connectionDep, Scope.CONNECTION), dep(messageDep)), handshake(""), message);
        recorder.log.clear();

        message.close();
        assertThat(recorder.log).containsExactly("destroy mdep#1", "destroy msub#1");
        connection.close();
        assertThat(recorder.log).containsExactly("destroy mdep#1", "destroy msub#1", "destroy cdep#1", "destroy csub#1");
    }

    @Test
    void aMessageDependencyCanUseTheConnectionsInstance() throws Exception {
        Dependency db = recorder.dependency("db");
        Dependency audit = recorder.dependency("audit", scoped(db, Scope.CONNECTION));
        Object connectionDb = connect(dependant(dep(db)), handshake(""))[0];
        DependencyScope message = new DependencyScope("message");

        Instance auditInstance = (Instance) message(dependant(dep(audit)), handshake(""), message)[0];

        assertThat(auditInstance.arguments().get(0)).isSameAs(connectionDb);
        message.close();
        assertThat(recorder.log).containsExactly("create db#1", "create audit#1", "destroy audit#1");
    }

    @Test
    void everyMessageGetsItsOwnInstancesCachedWithinTheMessage() throws Exception {
        Dependency x = recorder.dependency("x");
        DependencyScope first = new DependencyScope("message 1");
        DependencyScope second = new DependencyScope("message 2");

        Object[] one = message(dependant(dep(x), dep(x)), handshake(""), first);
        Object[] two = message(dependant(dep(x)), handshake(""), second);
        assertThat(one[0]).isSameAs(one[1]).hasToString("x#1");
        assertThat(two[0]).hasToString("x#2");

        second.close();
        first.close();
        assertThat(recorder.log).containsExactly("create x#1", "create x#2", "destroy x#2", "destroy x#1");
    }

    @Test
    void aMessageResolutionReadsTheConnectionsHandshake() throws Exception {
        Dependency d = recorder.dependency("d", query("room"));

        Object[] values = message(dependant(query("token"), dep(d)), handshake("token=t&room=r"), new DependencyScope("message"));

        assertThat(values[0]).isEqualTo("t");
        assertThat(((Instance) values[1]).arguments()).containsExactly("r");
    }

    @Test
    void aMessageResolutionReportsValidationErrors() {
        RequestValidationException failure = catchThrowableOfType(RequestValidationException.class,
                () -> message(dependant(param(Source.QUERY, "n", int.class)), handshake("n=x"), new DependencyScope("message")));

        assertThat(summary(failure)).containsExactly("int_parsing [query, n]");
    }

    @Test
    void messageScopeWithoutAMessageFallsBackToTheConnection() throws Exception {
        Dependency x = recorder.dependency("x");

        connect(dependant(scoped(x, Scope.MESSAGE)), handshake(""));
        connection.close();

        assertThat(recorder.log).containsExactly("create x#1", "destroy x#1");
    }

    // --- the container's identity (design §5) ---

    @Test
    void theContainersIdentityIsRequiredAtAnInjectionPointAndLeftToTheRolesOtherwise() throws Exception {
        HandshakeData anonymous = handshake("");
        HandshakeData dave = HandshakeData.of("", null, null, () -> "dave", Set.of("admin"), null);
        Dependant injected = new Dependant(List.of(new Input.ContainerIdentity(true, "field E.identity")));
        Dependant forRoles = new Dependant(List.of(new Input.ContainerIdentity(false, "class E")));

        assertThat(((Identity) connect(injected, dave)[0]).roles()).containsExactly("admin");
        assertThatThrownBy(() -> connect(injected, anonymous)).isInstanceOf(NotAuthenticatedException.class);
        assertThat(connect(forRoles, anonymous)[0]).isNull();
    }
}
