package org.wsdepends.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.validation.Validation;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

import org.junit.jupiter.api.Test;
import org.wsdepends.DefaultValue;
import org.wsdepends.Depends;
import org.wsdepends.Header;
import org.wsdepends.Path;
import org.wsdepends.Query;
import org.wsdepends.Scope;
import org.wsdepends.core.Conversions;
import org.wsdepends.core.Dependency;
import org.wsdepends.core.InjectionPlan;
import org.wsdepends.core.Input;
import org.wsdepends.core.ValueConstraints;
import org.wsdepends.security.Identity;

/**
 * Every deployment rule of an endpoint class, without a container: each message with its id, and the
 * plan of a valid endpoint.
 */
class EndpointAnalyzerTest {

    static final class Db {
    }

    static final class Audit {
    }

    private final List<String> problems = new ArrayList<>();
    private final Map<Type, Dependency> producers = new HashMap<>(Map.of(
            Db.class, new Dependency("com.acme.Deps#db", "db", arguments -> null),
            Audit.class, new Dependency("com.acme.Deps#audit", "audit", arguments -> null)));
    private final EndpointAnalyzer.DependencyLookup lookup = new EndpointAnalyzer.DependencyLookup() {
        @Override
        public Dependency find(Type type, String site, List<String> found) {
            Dependency dependency = producers.get(type);
            if (dependency == null) {
                found.add("no producer at " + site);
            }
            return dependency;
        }

        @Override
        public boolean declares(Type type) {
            return producers.containsKey(type);
        }
    };
    private final EndpointAnalyzer analyzer = analyzer(false);

    /** @param containerSecurity whether it analyses for a server (true) or the embedded runtime */
    private EndpointAnalyzer analyzer(boolean containerSecurity) {
        return new EndpointAnalyzer(lookup, Conversions::builtIn,
                ValueConstraints.configure(Validation.byDefaultProvider().configure()).buildValidatorFactory().getValidator(),
                containerSecurity, problems);
    }

    @ServerEndpoint("/rooms/{room}")
    public static class Valid {
        @Inject @Path("room") String room;
        @Inject @Header String xClient;
        @Inject @Depends Db db;
        final String token;

        @Inject
        Valid(@Query("token") String token) {
            this.token = token;
        }

        @OnMessage
        public String onMessage(String text, @Depends Audit audit, @PathParam("room") String again) {
            return text;
        }
    }

    @Test
    void aValidEndpointHasAPlanForEverySite() throws Exception {
        EndpointModel model = analyzer.analyze(Valid.class);

        assertThat(problems).isEmpty();
        InjectionPlan plan = model.plan();
        assertThat(model.connection().inputs()).hasSize(5);
        assertThat(plan.fields()).extracting(field -> field.getName()).containsExactly("room", "xClient", "db");
        assertThat(plan.indexOf(Valid.class.getDeclaredField("room"), InjectionPlan.FIELD)).isEqualTo(0);
        assertThat(plan.indexOf(Valid.class.getDeclaredConstructor(String.class), 0)).isEqualTo(3);
        assertThat(plan.indexOf(Valid.class.getMethod("onMessage", String.class, Audit.class, String.class), 2)).isEqualTo(4);
        assertThat(plan.indexOf(Valid.class.getMethod("onMessage", String.class, Audit.class, String.class), 1))
                .as("a message-scoped dependency is no connection value").isEqualTo(-1);
        assertThat(model.headerNames()).containsExactly("x-client");
        assertThat(model.keepsHandshake()).isFalse();
        assertThat(model.onMessage().get(0).callDependencies.inputs()).hasSize(1);
        assertThat(model.description()).isEqualTo("WS /rooms/{room} (" + Valid.class.getName() + ")");
    }

    @ServerEndpoint("/broken/{room}")
    @Depends
    public static class Broken {
        @Inject @Path("rooom") String room;
        @Inject @Query Object when;
        @Inject @Query Optional<List<String>> nested;
        @Inject @Query @DefaultValue("many") int n;
        @Query String notInjected;
        @Inject @Depends(scope = Scope.MESSAGE) Audit audit;

        @OnOpen
        public void first() {
        }

        @OnOpen
        public void second() {
        }

        @OnMessage
        public void text(String text, Session session, StringBuilder what) {
        }

        @OnMessage
        public void moreText(String text) {
        }

        @OnMessage
        public void nothing(Session session) {
        }

        @OnError
        public void error(Session session) {
        }
    }

    @Test
    void everyProblemIsReportedWithItsIdSiteAndFix() {
        analyzer.analyze(Broken.class);
        String type = Broken.class.getName();

        assertThat(problems).contains(
                "WSD-0204 class " + type + ": @Depends on a class or package needs the dependency type. Fix: write"
                        + " @Depends(SomeType.class)",
                "WSD-0101 field " + type + ".room: path variable \"rooom\" is not in the path \"/broken/{room}\" of " + type
                        + " (variables: [room]). Fix: use one of those names or add {rooom} to the @ServerEndpoint path",
                "WSD-0106 field " + type + ".notInjected: has a wsdepends qualifier but no @Inject, so it would stay unset."
                        + " Fix: add @Inject",
                "WSD-0206 field " + type + ".audit: @Depends(scope = MESSAGE) is only allowed on @OnMessage and @OnError"
                        + " parameters, and " + type + " lives for the whole connection. Fix: use Scope.CONNECTION or"
                        + " Scope.AUTO here, or move the dependency to an @OnMessage parameter",
                "WSD-0301 parameter what of " + type + "#text(String, Session, StringBuilder): @OnMessage cannot pass a"
                        + " java.lang.StringBuilder. Fix: remove the parameter, or annotate it with @PathParam, @Query, @Header,"
                        + " @Cookie, @Path or @Depends",
                "WSD-0302 " + type + "#nothing: @OnMessage has no message parameter. Fix: add a String, ByteBuffer, byte[],"
                        + " Reader, InputStream, PongMessage or decoded parameter",
                "WSD-0303 " + type + "#error: @OnError needs a Throwable parameter (Jakarta WebSocket 2.1 section 4.5). Fix:"
                        + " add one");
        assertThat(problems).anySatisfy(problem -> assertThat(problem).startsWith("WSD-0102 field " + type + ".when: no"
                + " conversion from a handshake string to java.lang.Object. Fix: "));
        assertThat(problems).anySatisfy(problem -> assertThat(problem).startsWith("WSD-0103 field " + type + ".nested: type"
                + " java.util.Optional<java.util.List<java.lang.String>> cannot be read from the handshake"));
        assertThat(problems).anySatisfy(problem -> assertThat(problem).startsWith("WSD-0104 field " + type + ".n:"
                + " @DefaultValue(\"many\") is not a valid value"));
        assertThat(problems).anySatisfy(problem -> assertThat(problem).matches("WSD-0304 " + java.util.regex.Pattern.quote(type) + "#(first|second): a"
                + " second @OnOpen method besides (first|second) \\(Jakarta WebSocket allows one\\). Fix: merge them"));
        assertThat(problems).anySatisfy(problem -> assertThat(problem).matches("WSD-0305 " + java.util.regex.Pattern.quote(type) + "#(text|moreText): a"
                + " second @OnMessage method for text messages \\(Jakarta WebSocket allows one per kind\\). Fix: merge them"));
        assertThat(problems).hasSize(12);
    }

    @ServerEndpoint("/jaxrs")
    public static class JaxRsLookAlikes {
        @Inject @Query @jakarta.ws.rs.DefaultValue("20") int history;

        @OnMessage
        public void onMessage(String text, @Header @jakarta.ws.rs.HeaderParam("x") String x) {
        }
    }

    @Test
    void aJaxRsLookAlikeOnAnInjectionPointIsRefusedNamingTheAnnotationToUse() {
        analyzer.analyze(JaxRsLookAlikes.class);
        String type = JaxRsLookAlikes.class.getName();

        assertThat(problems).containsExactly(
                "WSD-0109 field " + type + ".history: @jakarta.ws.rs.DefaultValue is a JAX-RS annotation, which WebSocket"
                        + " endpoints ignore. Fix: use @org.wsdepends.DefaultValue instead (import org.wsdepends.DefaultValue)",
                "WSD-0109 parameter x of " + type + "#onMessage(String, String): @jakarta.ws.rs.HeaderParam is a JAX-RS"
                        + " annotation, which WebSocket endpoints ignore. Fix: use @org.wsdepends.Header instead (import"
                        + " org.wsdepends.Header)");
    }

    public static class Order {
        public String item;
    }

    @ServerEndpoint("/plain")
    public static class PlainSignatures {
        @OnMessage
        public void reader(java.io.Reader reader, boolean last) {
        }

        @OnMessage
        public void decimal(java.math.BigDecimal amount) {
        }

        @OnMessage
        public void order(java.nio.ByteBuffer buffer, Order order) {
        }
    }

    @Test
    void anEndpointThatDoesNotUseWsDependsGetsTheSpecsRules() {
        analyzer.analyze(PlainSignatures.class);
        String type = PlainSignatures.class.getName();

        assertThat(problems).contains(
                "WSD-0306 " + type + "#reader: @OnMessage takes a boolean for partial messages of a Reader, which Jakarta"
                        + " WebSocket delivers whole (section 4.7: partial messages are String, ByteBuffer or byte[]). Fix: remove"
                        + " the boolean parameter, or receive a String, ByteBuffer or byte[]",
                "WSD-0307 " + type + "#decimal: @OnMessage cannot receive a java.math.BigDecimal: no declared decoder decodes"
                        + " it, and it is no String, ByteBuffer, byte[], Reader, InputStream, PongMessage, primitive or box"
                        + " (Jakarta WebSocket 2.1 section 4.7). Fix: declare a decoder for it, or use a wsdepends annotation"
                        + " on the endpoint to receive it as JSON");
    }

    @ServerEndpoint("/extended/{room}")
    public static class ExtendedSignatures {
        @Inject @Path("room") String room;

        @OnMessage
        public void decimal(java.math.BigDecimal amount) {
        }

        @OnMessage
        public void order(java.nio.ByteBuffer buffer) {
        }

        @OnMessage
        public void pong(jakarta.websocket.PongMessage pong, @PathParam("nope") String nope, @PathParam("{room}") String braced) {
        }
    }

    @Test
    void anEndpointThatUsesWsDependsGetsItsExtensionsAndUnknownPathParamsAreNull() {
        EndpointModel model = analyzer.analyze(ExtendedSignatures.class);

        assertThat(problems).isEmpty();
        assertThat(model.onMessage()).extracting(handler -> handler.payload).containsExactlyInAnyOrder(
                HandlerMethod.Payload.TEXT_CONVERTED, HandlerMethod.Payload.BINARY_BUFFER, HandlerMethod.Payload.PONG);
        assertThat(model.connection().inputs()).hasSize(3);
    }

    @ServerEndpoint("/guarded")
    @jakarta.annotation.security.RolesAllowed("admin")
    public static class GuardedWithoutIdentity {
        @OnMessage
        public void onMessage(String text) {
        }
    }

    @Test
    void rolesWithoutAnIdentityProducerFailTheDeployment() {
        analyzer.analyze(GuardedWithoutIdentity.class);

        assertThat(problems).containsExactly("WSD-0208 class " + GuardedWithoutIdentity.class.getName() + ": @RolesAllowed,"
                + " @PermitAll or @DenyAll needs the connection's Identity, and no @Produces @Depends Identity producer exists"
                + " (the embedded runtime has no container security to take it from). Fix: add a producer `@Produces @Depends"
                + " Identity identity(@BearerToken String token)` that checks the credentials");
    }

    @ServerEndpoint("/staff")
    @jakarta.annotation.security.RolesAllowed("user")
    @jakarta.annotation.security.DeclareRoles("auditor")
    public static class GuardedByTheContainer {
        @Inject @Depends Identity identity;

        @OnMessage
        @jakarta.annotation.security.RolesAllowed("admin")
        public void onMessage(String text, @Depends Identity sender) {
        }
    }

    @Test
    void onAServerWithoutAProducerTheContainersIdentityIsUsedAndAskedForTheDeclaredRoles() {
        EndpointModel model = analyzer(true).analyze(GuardedByTheContainer.class);

        assertThat(problems).isEmpty();
        assertThat(model.connection().inputs().get(model.identityIndex())).isEqualTo(
                new Input.ContainerIdentity(false, "class " + GuardedByTheContainer.class.getName()));
        assertThat(model.connection().inputs()).contains(
                new Input.ContainerIdentity(true, "field " + GuardedByTheContainer.class.getName() + ".identity"));
        assertThat(model.onMessage().get(0).callDependencies.inputs()).singleElement()
                .isInstanceOf(Input.ContainerIdentity.class);
        assertThat(model.containerRoles()).containsExactlyInAnyOrder("user", "admin", "auditor");
        assertThat(model.keepsHandshake()).isTrue();
    }

    @Test
    void aProducerOfIdentityWinsOverTheContainer() {
        producers.put(Identity.class, new Dependency("com.acme.Deps#identity", "identity", arguments -> null));

        EndpointModel model = analyzer(true).analyze(GuardedByTheContainer.class);

        assertThat(problems).isEmpty();
        assertThat(model.connection().inputs()).noneMatch(Input.ContainerIdentity.class::isInstance);
        assertThat(model.containerRoles()).isEmpty();
    }

    @Test
    void theEmbeddedRuntimeReportsAnInjectedIdentityWithoutAProducer() {
        analyzer.analyze(GuardedByTheContainer.class);

        assertThat(problems).contains("no producer at field " + GuardedByTheContainer.class.getName() + ".identity")
                .anyMatch(problem -> problem.startsWith("WSD-0208"));
    }

    static final class Producers {
        @SuppressWarnings("unused")
        Db db(@Query("token") String token, @Depends Audit audit, Session notOurs) {
            return null;
        }
    }

    @Test
    void aProducersPlanCoversItsWsDependsParametersOnly() throws NoSuchMethodException {
        var producer = Producers.class.getDeclaredMethod("db", String.class, Audit.class, Session.class);

        EndpointAnalyzer.ProducerInputs inputs = analyzer.producerInputs(producer);

        assertThat(problems).isEmpty();
        assertThat(inputs.sites()).isEqualTo(2);
        assertThat(inputs.inputs().inputs()).hasSize(2);
        assertThat(inputs.plan().indexOf(producer, 0)).isEqualTo(0);
        assertThat(inputs.plan().indexOf(producer, 1)).isEqualTo(1);
        assertThat(inputs.plan().indexOf(producer, 2)).isEqualTo(-1);
        assertThat(inputs.plan().fields()).isEmpty();
    }
}
