package org.wsdepends.internal;

import java.io.InputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Member;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.security.DeclareRoles;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Decoder;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Depends;
import org.wsdepends.Scope;
import org.wsdepends.security.Identity;
import org.wsdepends.core.Converter;
import org.wsdepends.core.Credential;
import org.wsdepends.core.Dependant;
import org.wsdepends.core.Dependency;
import org.wsdepends.core.DependencyGraph;
import org.wsdepends.core.HandshakeParam;
import org.wsdepends.core.HandshakeParams;
import org.wsdepends.core.InjectionPlan;
import org.wsdepends.core.InjectionSites;
import org.wsdepends.core.Input;
import org.wsdepends.core.Messages;
import org.wsdepends.core.Roles;
import org.wsdepends.core.Sites;
import org.wsdepends.core.Source;
import org.wsdepends.core.ValueConstraints;
import org.wsdepends.core.WrapPolicy;

/**
 * Turns a wrapped {@code @ServerEndpoint} class into an {@link EndpointModel}, and a producer's
 * parameters into its inputs, collecting every deployment problem ({@link Messages}) instead of
 * stopping at the first.
 */
public final class EndpointAnalyzer {

    /** JAX-RS annotations an IDE offers first, which WebSocket endpoints ignore, and what to use instead. */
    private static final Map<String, String> JAX_RS_LOOK_ALIKES = Map.of(
            "jakarta.ws.rs.DefaultValue", "org.wsdepends.DefaultValue",
            "jakarta.ws.rs.QueryParam", "org.wsdepends.Query",
            "jakarta.ws.rs.HeaderParam", "org.wsdepends.Header",
            "jakarta.ws.rs.CookieParam", "org.wsdepends.Cookie",
            "jakarta.ws.rs.PathParam", "org.wsdepends.Path");

    private static final System.Logger LOG = System.getLogger("org.wsdepends");

    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{([^/}]+)}");

    /** Finds the producer of a {@code @Depends} type; the extension implements it with CDI's rules. */
    public interface DependencyLookup {

        /**
         * @param type     the dependency type
         * @param site     the injection point, for messages
         * @param problems where a problem is added
         * @return the dependency, or {@code null} after adding a problem to {@code problems}
         */
        Dependency find(Type type, String site, List<String> problems);

        /**
         * @param type the dependency type
         * @return whether the deployment declares a producer of it, usable or not (then {@link #find} reports why not)
         */
        boolean declares(Type type);
    }

    /**
     * The inputs of a producer method's wsdepends parameters and where they go.
     *
     * @param inputs the inputs, in parameter order
     * @param plan   where each value goes
     * @param sites  how many parameters wsdepends resolves
     */
    public record ProducerInputs(Dependant inputs, InjectionPlan plan, int sites) {
    }

    private final DependencyLookup dependencies;
    private final Function<Class<?>, Converter> converters;
    private final Validator validator;
    private final boolean containerSecurity;
    private final List<String> problems;

    /**
     * @param dependencies      how {@code @Depends} types are found
     * @param converters        the conversion for an element class, {@code null} if there is none
     * @param validator         checks the constraints of handshake values
     * @param containerSecurity whether the container authenticates handshakes (a server, not the embedded
     *                          runtime), so its principal is the {@code Identity} when no producer exists
     * @param problems          where every problem found is added
     */
    public EndpointAnalyzer(DependencyLookup dependencies, Function<Class<?>, Converter> converters, Validator validator,
            boolean containerSecurity, List<String> problems) {
        this.dependencies = dependencies;
        this.converters = converters;
        this.validator = validator;
        this.containerSecurity = containerSecurity;
        this.problems = problems;
    }

    /**
     * @param type a wrapped {@code @ServerEndpoint} class
     * @return the model; incomplete if problems were added
     */
    public EndpointModel analyze(Class<?> type) {
        ServerEndpoint annotation = type.getAnnotation(ServerEndpoint.class);
        Set<String> variables = templateVariables(annotation.value());
        Connection connection = new Connection();
        if (type.getPackage() != null) {
            for (Depends declared : type.getPackage().getAnnotationsByType(Depends.class)) {
                connection.add(declaredDependency(declared, Sites.pkg(type.getPackage())), null, 0);
            }
        }
        for (Depends declared : type.getAnnotationsByType(Depends.class)) {
            connection.add(declaredDependency(declared, Sites.type(type)), null, 0);
        }
        Roles classRoles = Roles.of(type);
        boolean needsIdentity = classRoles != null || java.util.Arrays.stream(type.getMethods())
                .anyMatch(method -> method.isAnnotationPresent(OnMessage.class) && Roles.of(method) != null);
        int identityIndex = -1;
        if (needsIdentity) {
            if (!dependencies.declares(Identity.class) && !containerSecurity) {
                problems.add(Messages.rolesWithoutIdentity(Sites.type(type)));
            } else {
                identityIndex = connection.add(identity(Sites.type(type), false, true, Scope.CONNECTION), null, 0);
            }
        }
        for (InjectionSites.Site site : InjectionSites.of(type)) {
            if (!site.injected()) {
                problems.add(Messages.qualifierWithoutInject(site.site()));
                continue;
            }
            connection.add(input(site, type, variables), site.member(), site.position());
        }
        List<Class<? extends Decoder>> decoders = List.of(annotation.decoders());
        HandlerMethod onOpen = null;
        HandlerMethod onClose = null;
        HandlerMethod onError = null;
        List<HandlerMethod> onMessage = new ArrayList<>();
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(OnOpen.class)) {
                onOpen = single(onOpen, handler(type, variables, method, OnOpen.class, decoders, connection), "@OnOpen");
            } else if (method.isAnnotationPresent(OnClose.class)) {
                onClose = single(onClose, handler(type, variables, method, OnClose.class, decoders, connection), "@OnClose");
            } else if (method.isAnnotationPresent(OnError.class)) {
                onError = single(onError, handler(type, variables, method, OnError.class, decoders, connection), "@OnError");
            } else if (method.isAnnotationPresent(OnMessage.class)) {
                onMessage.add(handler(type, variables, method, OnMessage.class, decoders, connection));
            }
        }
        checkOneHandlerPerKind(onMessage);
        if (identityIndex < 0) {
            identityIndex = injectedIdentity(connection.inputs);
        }
        Dependant connectionInputs = new Dependant(connection.inputs);
        DependencyGraph graph = new DependencyGraph().check(type.getName(), connectionInputs, Scope.CONNECTION);
        List<Dependant> roots = new ArrayList<>();
        roots.add(connectionInputs);
        List<Dependant> perCall = new ArrayList<>();
        for (HandlerMethod handler : onMessage) {
            graph.check(handler.toString(), handler.callDependencies, Scope.MESSAGE);
            perCall.add(handler.callDependencies);
        }
        if (onError != null) {
            graph.check(onError.toString(), onError.callDependencies, Scope.MESSAGE);
            perCall.add(onError.callDependencies);
        }
        roots.addAll(perCall);
        problems.addAll(graph.problems());
        checkPathVariables(type, annotation.value(), roots);
        return new EndpointModel(type, annotation.value(), connectionInputs, connection.plan.build(), onOpen, onClose, onError,
                List.copyOf(onMessage), !DependencyGraph.handshakeInputs(perCall).isEmpty(), DependencyGraph.headerNames(roots),
                List.of(annotation.encoders()), classRoles, identityIndex, DependencyGraph.readsBearerToken(roots),
                DependencyGraph.readsContainerIdentity(roots) ? declaredRoles(type, classRoles, onMessage) : Set.of());
    }

    /**
     * The roles to ask the container about at the handshake: it can say whether a principal is in a role, not
     * list its roles (Jakarta EE's {@code isUserInRole}). Those the endpoint's security annotations name, and
     * those {@code @DeclareRoles} adds for code that reads {@code Identity.roles()}.
     */
    private static Set<String> declaredRoles(Class<?> type, Roles classRoles, List<HandlerMethod> onMessage) {
        Set<String> roles = new TreeSet<>();
        if (classRoles != null) {
            roles.addAll(classRoles.allowed());
        }
        for (HandlerMethod handler : onMessage) {
            if (handler.roles != null) {
                roles.addAll(handler.roles.allowed());
            }
        }
        DeclareRoles declared = type.getAnnotation(DeclareRoles.class);
        if (declared != null) {
            roles.addAll(List.of(declared.value()));
        }
        return Set.copyOf(roles);
    }

    /**
     * The inputs of a {@code @Produces @Depends} method's wsdepends parameters.
     *
     * @param producer the producer method
     * @return the inputs and where they go
     */
    public ProducerInputs producerInputs(Method producer) {
        List<Input> inputs = new ArrayList<>();
        InjectionPlan.Builder plan = new InjectionPlan.Builder();
        List<InjectionSites.Site> sites = InjectionSites.parameters(producer);
        for (InjectionSites.Site site : sites) {
            Input input = input(site, producer.getDeclaringClass(), null);
            if (input != null) {
                plan.add(site.member(), site.position(), inputs.size());
                inputs.add(input);
            }
        }
        return new ProducerInputs(new Dependant(inputs), plan.build(), sites.size());
    }

    private HandlerMethod handler(Class<?> endpoint, Set<String> variables, Method method, Class<? extends Annotation> kind,
            List<Class<? extends Decoder>> decoders, Connection connection) {
        Parameter[] parameters = method.getParameters();
        HandlerMethod.Arg[] args = new HandlerMethod.Arg[parameters.length];
        int[] indexes = new int[parameters.length];
        List<Input> callInputs = new ArrayList<>();
        Class<?> payloadType = null;
        Class<?> errorType = null;
        boolean last = false;
        boolean validate = false;
        boolean perCall = kind == OnMessage.class || kind == OnError.class;
        for (int i = 0; i < parameters.length; i++) {
            Parameter parameter = parameters[i];
            Class<?> type = parameter.getType();
            Annotation[] annotations = parameter.getAnnotations();
            String site = Sites.parameter(method, i);
            if (perCall && parameter.isAnnotationPresent(Depends.class)) {
                args[i] = HandlerMethod.Arg.CALL_DEPENDENCY;
                indexes[i] = callInputs.size();
                callInputs.add(input(InjectionSites.parameters(method, i), endpoint, variables));
            } else if (InjectionSites.isWsDepends(annotations)) {
                args[i] = HandlerMethod.Arg.CONNECTION_VALUE;
                indexes[i] = connection.add(input(InjectionSites.parameters(method, i), endpoint, variables), method, i);
            } else if (type == Session.class) {
                args[i] = HandlerMethod.Arg.SESSION;
            } else if (kind == OnOpen.class && type == EndpointConfig.class) {
                args[i] = HandlerMethod.Arg.CONFIG;
            } else if (kind == OnClose.class && type == CloseReason.class) {
                args[i] = HandlerMethod.Arg.CLOSE_REASON;
            } else if (kind == OnError.class && errorType == null && Throwable.class.isAssignableFrom(type)) {
                args[i] = HandlerMethod.Arg.THROWABLE;
                errorType = type;
            } else if (kind == OnMessage.class && payloadType == null) {
                args[i] = HandlerMethod.Arg.PAYLOAD;
                payloadType = type;
                validate = parameter.isAnnotationPresent(Valid.class);
            } else if (kind == OnMessage.class && !last && (type == boolean.class || type == Boolean.class)) {
                args[i] = HandlerMethod.Arg.LAST;
                last = true;
            } else {
                problems.add(Messages.unsupportedHandlerParameter(site, kind.getSimpleName(), type.getName()));
                args[i] = HandlerMethod.Arg.SESSION;
            }
        }
        HandlerMethod.Payload payload = null;
        long maxMessageSize = -1;
        if (kind == OnMessage.class) {
            maxMessageSize = method.getAnnotation(OnMessage.class).maxMessageSize();
            if (payloadType == null) {
                problems.add(Messages.noMessageParameter(Sites.method(method)));
            } else {
                payload = payloadKind(method, payloadType, last, decoders, WrapPolicy.usesWsDepends(endpoint));
            }
        }
        if (kind == OnError.class && errorType == null) {
            problems.add(Messages.noThrowableParameter(Sites.method(method)));
        }
        Roles roles = kind == OnMessage.class ? Roles.of(method) : null;
        return new HandlerMethod(method, args, indexes, new Dependant(callInputs.stream().filter(Objects::nonNull).toList()),
                payload, payloadType, maxMessageSize, errorType, validate, roles);
    }

    /**
     * How a message parameter is received: Jakarta WebSocket's kinds (section 4.7), and for endpoints
     * that use wsdepends its extensions (typed JSON messages, {@code BigDecimal} and {@code BigInteger}
     * text). Anything else is reported, as the containers refuse it.
     *
     * @return the kind, {@code null} after reporting a problem
     */
    private HandlerMethod.Payload payloadKind(Method method, Class<?> type, boolean last, List<Class<? extends Decoder>> decoders,
            boolean extensions) {
        if (last && type != String.class && type != ByteBuffer.class && type != byte[].class) {
            problems.add(Messages.partialNotAllowed(Sites.method(method), type.getSimpleName()));
            return null;
        }
        if (type == String.class) {
            return last ? HandlerMethod.Payload.TEXT_PARTIAL : HandlerMethod.Payload.TEXT;
        } else if (type == ByteBuffer.class) {
            return last ? HandlerMethod.Payload.BINARY_BUFFER_PARTIAL : HandlerMethod.Payload.BINARY_BUFFER;
        } else if (type == byte[].class) {
            return last ? HandlerMethod.Payload.BINARY_ARRAY_PARTIAL : HandlerMethod.Payload.BINARY_ARRAY;
        } else if (type == Reader.class) {
            return HandlerMethod.Payload.READER;
        } else if (type == InputStream.class) {
            return HandlerMethod.Payload.INPUT_STREAM;
        } else if (type == PongMessage.class) {
            return HandlerMethod.Payload.PONG;
        }
        for (Class<? extends Decoder> decoder : decoders) {
            Type decoded = Coders.typeArgument(decoder, Decoder.class);
            if (decoded instanceof Class<?> decodedClass && type.isAssignableFrom(decodedClass)) {
                return Decoder.Binary.class.isAssignableFrom(decoder) || Decoder.BinaryStream.class.isAssignableFrom(decoder)
                        ? HandlerMethod.Payload.BINARY_DECODED : HandlerMethod.Payload.TEXT_DECODED;
            }
        }
        if (type.isPrimitive() || MethodType.methodType(type).unwrap().returnType().isPrimitive()
                || extensions && (type == BigDecimal.class || type == BigInteger.class)) {
            return HandlerMethod.Payload.TEXT_CONVERTED;
        }
        if (extensions) {
            return HandlerMethod.Payload.JSON;
        }
        problems.add(Messages.noDecoder(Sites.method(method), type.getName()));
        return null;
    }

    /**
     * @param owner     the class an instance of which the site's method belongs to, for its validation
     * @param variables the endpoint's path variables, {@code null} for a producer's site (which serves any endpoint)
     */
    private Input input(InjectionSites.Site site, Class<?> owner, Set<String> variables) {
        for (Annotation annotation : site.annotations()) {
            String lookAlike = JAX_RS_LOOK_ALIKES.get(annotation.annotationType().getName());
            if (lookAlike != null) {
                problems.add(Messages.jaxRsLookAlike(site.site(), annotation.annotationType().getName(), lookAlike));
                return null;
            }
        }
        for (Annotation annotation : site.annotations()) {
            if (annotation instanceof Depends declared && site.type() == Identity.class) {
                return identity(site.site(), true, declared.cached(), declared.scope());
            } else if (annotation instanceof Depends declared) {
                Dependency dependency = dependencies.find(site.type(), site.site(), problems);
                return dependency == null ? null : new Input.Dep(dependency, declared.cached(), declared.scope(), site.site());
            }
        }
        try {
            Credential credential = Credential.of(site.annotations(), site.type(), site.site());
            if (credential != null) {
                return new Input.Secret(credential, site.site());
            }
        } catch (IllegalArgumentException unsupported) {
            problems.add(unsupported.getMessage());
            return null;
        }
        HandshakeParams.Qualified qualified = HandshakeParams.qualifierOf(site.annotations());
        if (qualified.jakarta() && variables != null && !variables.contains(qualified.name())
                && !(site.type() instanceof Class<?> raw && raw.isPrimitive())) {
            LOG.log(System.Logger.Level.WARNING, Messages.pathParamNotInPath(site.site(), qualified.name(), path(owner)));
            return new Input.Param(HandshakeParam.absentPathParam(qualified.name()), site.site());
        }
        try {
            ValueConstraints constraints = ValueConstraints.of(validator, site.member(), site.position(), owner, site.site());
            return new Input.Param(HandshakeParams.create(qualified, site.elementName(),
                    site.type(), site.annotations(), converters, constraints, site.site()), site.site());
        } catch (IllegalArgumentException invalid) {
            problems.add(invalid.getMessage());
            return null;
        }
    }

    /**
     * The connection's {@code Identity}: from the deployment's producer, or else from the container that
     * authenticated the handshake (design §5). Without either, the lookup reports the missing producer.
     *
     * @param required whether the container's unauthenticated caller is refused here (an injection point)
     *                 rather than left to the roles (a security annotation)
     */
    private Input identity(String site, boolean required, boolean cached, Scope scope) {
        if (containerSecurity && !dependencies.declares(Identity.class)) {
            return new Input.ContainerIdentity(required, site);
        }
        Dependency dependency = dependencies.find(Identity.class, site, problems);
        return dependency == null ? null : new Input.Dep(dependency, cached, scope, site);
    }

    /** @return the index of a connection input that is the deployment's Identity, whose expiry then counts; {@code -1} if none */
    private int injectedIdentity(List<Input> inputs) {
        Dependency identity = dependencies.find(Identity.class, "", new ArrayList<>());
        for (int i = 0; identity != null && i < inputs.size(); i++) {
            if (inputs.get(i) instanceof Input.Dep dep && dep.dependency() == identity) {
                return i;
            }
        }
        return -1;
    }

    private Input declaredDependency(Depends declared, String site) {
        if (declared.value() == void.class) {
            problems.add(Messages.declaredDependencyWithoutType(site));
            return null;
        }
        Dependency dependency = dependencies.find(declared.value(), site, problems);
        return dependency == null ? null : new Input.Dep(dependency, declared.cached(), declared.scope(), site);
    }

    private void checkPathVariables(Class<?> type, String path, List<Dependant> roots) {
        Set<String> variables = templateVariables(path);
        for (Input input : DependencyGraph.handshakeInputs(roots)) {
            if (input instanceof Input.Param param && param.param().source() == Source.PATH && !param.param().alwaysNull()
                    && !variables.contains(param.param().name())) {
                problems.add(Messages.pathVariableNotInPath(param.site(), param.param().name(), path, type.getName(), variables));
            }
        }
    }

    private HandlerMethod single(HandlerMethod existing, HandlerMethod found, String kind) {
        if (existing != null) {
            problems.add(Messages.secondHandler(found.toString(), kind, existing.method.getName()));
        }
        return found;
    }

    private void checkOneHandlerPerKind(List<HandlerMethod> onMessage) {
        Set<String> kinds = new HashSet<>();
        for (HandlerMethod handler : onMessage) {
            if (handler.payload == null) {
                continue;
            }
            String kind = handler.payload == HandlerMethod.Payload.PONG ? "pong" : handler.isBinary() ? "binary" : "text";
            if (!kinds.add(kind)) {
                problems.add(Messages.secondMessageHandler(handler.toString(), kind));
            }
        }
    }

    private static String path(Class<?> endpoint) {
        ServerEndpoint annotation = endpoint.getAnnotation(ServerEndpoint.class);
        return annotation == null ? "" : annotation.value();
    }

    private static Set<String> templateVariables(String path) {
        Set<String> variables = new LinkedHashSet<>();
        Matcher matcher = TEMPLATE_VARIABLE.matcher(path);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return variables;
    }

    /** Connection inputs, and the plan of where CDI or a handler receives them. */
    private static final class Connection {
        final List<Input> inputs = new ArrayList<>();
        final InjectionPlan.Builder plan = new InjectionPlan.Builder();

        /** @return the input's index, {@code -1} if it was not added (a problem was reported) */
        int add(Input input, Member member, int position) {
            if (input == null) {
                return -1;
            }
            plan.add(member, position, inputs.size());
            inputs.add(input);
            return inputs.size() - 1;
        }
    }
}
