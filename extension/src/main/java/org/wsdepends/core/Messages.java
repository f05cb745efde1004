package org.wsdepends.core;

import java.util.Collection;
import java.util.List;

/**
 * Every deployment message of wsdepends, one method each, each with a stable id ({@code WSD-NNNN})
 * that the troubleshooting guide lists. A message reads {@code <id> <site>: <problem>. Fix: <fix>},
 * where the site comes from {@link Sites}.
 *
 * <p>Ids by hundred: 01 handshake values, 02 dependencies, 03 handler methods, 04 configuration and
 * container integration. An id is never reused for another meaning.
 */
public final class Messages {

    private Messages() {
    }

    private static String message(String id, String site, String problem, String fix) {
        return id + " " + site + ": " + problem + ". Fix: " + fix;
    }

    // 01: handshake values

    public static String pathVariableNotInPath(String site, String name, String path, String endpoint,
            Collection<String> variables) {
        return message("WSD-0101", site, "path variable \"" + name + "\" is not in the path \"" + path + "\" of " + endpoint
                + " (variables: " + variables + ")", "use one of those names or add {" + name + "} to the @ServerEndpoint path");
    }

    public static String noConversion(String site, Class<?> type) {
        return message("WSD-0102", site, "no conversion from a handshake string to " + type.getName(),
                "use a supported type (String, primitives, BigDecimal, BigInteger, enums, UUID, Instant, LocalDate,"
                        + " LocalDateTime, Duration) or add a bean implementing ParamConverter<" + type.getSimpleName() + ">");
    }

    public static String notAConcreteType(String site, String typeName) {
        return message("WSD-0103", site, "type " + typeName + " cannot be read from the handshake",
                "use T, Optional<T>, List<T> or Set<T> with a concrete T");
    }

    public static String invalidDefault(String site, String defaultValue, String why) {
        return message("WSD-0104", site, "@DefaultValue(\"" + defaultValue + "\") is not a valid value: " + why,
                "give a default that converts to the type and meets its constraints");
    }

    public static String constraintNotApplicable(String site, String why) {
        return message("WSD-0105", site, "a constraint cannot validate this value: " + why, "put the constraint on the element"
                + " type (List<@Min(1) Integer>), use a constraint that applies to this type, or give it a validator for it");
    }

    public static String qualifierWithoutInject(String site) {
        return message("WSD-0106", site, "has a wsdepends qualifier but no @Inject, so it would stay unset", "add @Inject");
    }

    public static String handshakeValueInSharedBean(String site, String qualifier, String scope) {
        return message("WSD-0107", site, "@" + qualifier + " in a @" + scope + " bean, which all connections share, while"
                + " handshake values belong to one connection", "inject it into the endpoint or into a @Produces @Depends"
                + " producer's parameters");
    }

    public static String noHandshakeHere(String site, String qualifier, String typeName) {
        return message("WSD-0108", site, "@" + qualifier + " " + typeName + " has no handshake to read from: handshake values"
                + " can only be injected into a wrapped @ServerEndpoint, its handler parameters, and the @Produces @Depends"
                + " producers it uses", "move the injection point there, or make this bean a @Depends producer");
    }

    public static String jaxRsLookAlike(String site, String jaxRs, String wsdepends) {
        return message("WSD-0109", site, "@" + jaxRs + " is a JAX-RS annotation, which WebSocket endpoints ignore",
                "use @" + wsdepends + " instead (import " + wsdepends + ")");
    }

    public static String unsupportedCredentialType(String site, String annotation, String type, String expected) {
        return message("WSD-0111", site, "@" + annotation + " cannot be injected as " + type,
                "declare it " + expected + " (required) or Optional<" + expected + ">");
    }

    // 02: dependencies

    public static String noProducer(String site, String typeName, String simpleName) {
        return message("WSD-0201", site, "no @Produces @Depends producer of " + typeName,
                "add a method `@Produces @Depends " + simpleName + " name(...)` to a bean (e.g. an @ApplicationScoped class)");
    }

    public static String ambiguousProducers(String site, String typeName, List<String> producers) {
        return message("WSD-0202", site, producers.size() + " @Produces @Depends producers of " + typeName + " match: "
                + String.join(", ", producers), "keep one, or give them different types");
    }

    public static String notAProducer(String site, String typeName, String bean) {
        return message("WSD-0203", site, typeName + " resolves to " + bean + ", which is not a @Produces @Depends producer",
                "remove @Depends from that bean class and declare a producer method");
    }

    public static String declaredDependencyWithoutType(String site) {
        return message("WSD-0204", site, "@Depends on a class or package needs the dependency type",
                "write @Depends(SomeType.class)");
    }

    public static String connectionDependsOnMessage(String site, String dependency, String producer) {
        return message("WSD-0205", site, "The dependency \"" + dependency + "\" has a scope of \"connection\", it cannot depend"
                + " on dependencies with scope \"message\"", "declare this parameter @Depends(scope = Scope.CONNECTION) or"
                + " Scope.AUTO, or inject " + producer + " only into @OnMessage/@OnError parameters");
    }

    public static String messageScopeAtConnection(String site, String owner) {
        return message("WSD-0206", site, "@Depends(scope = MESSAGE) is only allowed on @OnMessage and @OnError parameters,"
                + " and " + owner + " lives for the whole connection", "use Scope.CONNECTION or Scope.AUTO here, or move the"
                + " dependency to an @OnMessage parameter");
    }

    public static String dependencyCycle(String producer, String chain) {
        return message("WSD-0207", producer, "dependency cycle " + chain,
                "remove one of these @Depends parameters, or let one producer take what it needs without the other");
    }

    public static String rolesWithoutIdentity(String site) {
        return message("WSD-0208", site, "@RolesAllowed, @PermitAll or @DenyAll needs the connection's Identity, and no"
                + " @Produces @Depends Identity producer exists (the embedded runtime has no container security to take it"
                + " from)",
                "add a producer `@Produces @Depends Identity identity(@BearerToken String token)` that checks the credentials");
    }

    // 03: handler methods

    public static String unsupportedHandlerParameter(String site, String kind, String typeName) {
        return message("WSD-0301", site, "@" + kind + " cannot pass a " + typeName, "remove the parameter, or annotate it"
                + " with @PathParam, @Query, @Header, @Cookie, @Path or @Depends");
    }

    public static String noMessageParameter(String site) {
        return message("WSD-0302", site, "@OnMessage has no message parameter",
                "add a String, ByteBuffer, byte[], Reader, InputStream, PongMessage or decoded parameter");
    }

    public static String noThrowableParameter(String site) {
        return message("WSD-0303", site, "@OnError needs a Throwable parameter (Jakarta WebSocket 2.1 section 4.5)", "add one");
    }

    public static String secondHandler(String site, String kind, String existing) {
        return message("WSD-0304", site, "a second " + kind + " method besides " + existing + " (Jakarta WebSocket allows one)",
                "merge them");
    }

    public static String secondMessageHandler(String site, String kind) {
        return message("WSD-0305", site, "a second @OnMessage method for " + kind + " messages (Jakarta WebSocket allows one"
                + " per kind)", "merge them");
    }

    public static String partialNotAllowed(String site, String type) {
        return message("WSD-0306", site, "@OnMessage takes a boolean for partial messages of a " + type + ", which Jakarta"
                + " WebSocket delivers whole (section 4.7: partial messages are String, ByteBuffer or byte[])",
                "remove the boolean parameter, or receive a String, ByteBuffer or byte[]");
    }

    public static String noDecoder(String site, String type) {
        return message("WSD-0307", site, "@OnMessage cannot receive a " + type + ": no declared decoder decodes it, and it is"
                + " no String, ByteBuffer, byte[], Reader, InputStream, PongMessage, primitive or box (Jakarta WebSocket 2.1"
                + " section 4.7)", "declare a decoder for it, or use a wsdepends annotation on the endpoint to receive it as"
                + " JSON");
    }

    public static String pathParamNotInPath(String site, String name, String path) {
        return message("WSD-0110", site, "@PathParam(\"" + name + "\") names no variable of the path \"" + path + "\", so it"
                + " is null, as Jakarta WebSocket specifies", "use a variable of the path, or wsdepends' @Path, which fails the"
                + " deployment instead");
    }

    // 04: configuration and container integration

    public static String unusableConfigurator(String site, String configurator) {
        return message("WSD-0401", site, "cannot create the configurator " + configurator,
                "give it a public no-argument constructor");
    }

    public static String invalidSetting(String key, String value, String allowed) {
        return message("WSD-0402", key, "\"" + value + "\" is not a valid value", "use " + allowed
                + ", or remove the setting for its default");
    }

    // 04, 10-19: the application's own ServerApplicationConfig and addEndpoint calls (wrap=all conformance)

    public static String configReturnsWrapped(String configs, List<String> endpoints) {
        return message("WSD-0410", configs, "returns " + endpoints + " for the container to deploy itself, so wsdepends"
                + " does not wrap them (the container deploys the union of all ServerApplicationConfig results, and the"
                + " same path twice fails the deployment)", "to have wsdepends dispatch them, return"
                + " WsDependsApplicationConfig.withoutWrapped(scanned) from getAnnotatedEndpointClasses");
    }

    public static String configReturnsWsDependsEndpoint(String site, List<String> configs) {
        return message("WSD-0411", site, "uses wsdepends, but the application's ServerApplicationConfig " + configs
                + " returns it for the container to deploy itself, without wsdepends", "return"
                + " WsDependsApplicationConfig.withoutWrapped(scanned) from getAnnotatedEndpointClasses, and wsdepends"
                + " deploys it");
    }

    public static String pathRegisteredByApplication(String site, String path, String evidence) {
        return message("WSD-0412", site, "the application registered \"" + path + "\" itself with"
                + " ServerContainer.addEndpoint (" + evidence + "), so that registration stays and the container dispatches"
                + " it without wsdepends", "to have wsdepends dispatch it, remove the addEndpoint call: wsdepends deploys"
                + " every scanned endpoint");
    }

    public static String unusableApplicationConfig(String config) {
        return message("WSD-0413", config, "cannot create this ServerApplicationConfig to learn what it deploys",
                "give it a public no-argument constructor, as Jakarta WebSocket requires");
    }

    public static String noServerContainer(String contextPath) {
        return message("WSD-0414", contextPath.isEmpty() ? "/" : contextPath, "the servlet context has no"
                + " jakarta.websocket.server.ServerContainer attribute, so wrapped endpoints cannot be registered",
                "deploy to a server with Jakarta WebSocket");
    }

    /**
     * The summary that heads a failed deployment.
     *
     * @param problems the problems, one message each
     * @return the text
     */
    public static String deploymentFailed(List<String> problems) {
        return "wsdepends found " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + " in this deployment:\n  - " + String.join("\n  - ", problems);
    }
}
