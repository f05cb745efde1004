package org.wsdepends.extension;

import java.io.InputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Decoder;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Depends;
import org.wsdepends.Scope;
import org.wsdepends.core.Converter;
import org.wsdepends.core.Conversions;
import org.wsdepends.core.Dependant;
import org.wsdepends.core.Dependency;
import org.wsdepends.core.DependencyGraph;
import org.wsdepends.core.HandshakeParam;
import org.wsdepends.core.HandshakeParams;
import org.wsdepends.core.Input;
import org.wsdepends.core.PendingInjections;
import org.wsdepends.core.Source;

/**
 * Turns a wrapped {@code @ServerEndpoint} class into an {@link EndpointModel}, collecting every
 * deployment problem (each naming the class, member and fix) instead of stopping at the first.
 */
final class EndpointAnalyzer {

    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{([^/}]+)}");

    /** Finds the producer of a {@code @Depends} type. */
    interface DependencyLookup {

        /**
         * @return the dependency, or {@code null} after adding a problem to {@code problems}
         */
        Dependency find(Type type, String site, List<String> problems);
    }

    private final DependencyLookup dependencies;
    private final Function<Class<?>, Converter> converters;
    private final Clock clock;
    private final List<String> problems;

    EndpointAnalyzer(DependencyLookup dependencies, Function<Class<?>, Converter> converters, Clock clock,
            List<String> problems) {
        this.dependencies = dependencies;
        this.converters = converters;
        this.clock = clock;
        this.problems = problems;
    }

    /** @return the model; incomplete if problems were added */
    EndpointModel analyze(Class<?> type) {
        ServerEndpoint annotation = type.getAnnotation(ServerEndpoint.class);
        Set<String> variables = templateVariables(annotation.value());
        Connection connection = new Connection();
        if (type.getPackage() != null) {
            for (Depends declared : type.getPackage().getAnnotationsByType(Depends.class)) {
                connection.add(declaredDependency(declared, "package " + type.getPackage().getName()), null, 0);
            }
        }
        for (Depends declared : type.getAnnotationsByType(Depends.class)) {
            connection.add(declaredDependency(declared, "class " + type.getName()), null, 0);
        }
        for (Class<?> level : hierarchy(type)) {
            for (Field field : level.getDeclaredFields()) {
                if (isWsDepends(field.getAnnotations())) {
                    String site = "field " + level.getName() + "." + field.getName();
                    if (!field.isAnnotationPresent(Inject.class)) {
                        problems.add(site + ": has a wsdepends qualifier but no @Inject, so it would stay unset. Fix: add @Inject");
                        continue;
                    }
                    connection.add(input(field.getAnnotations(), field.getGenericType(), field.getName(), site), field,
                            PendingInjections.FIELD);
                }
            }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (constructor.isAnnotationPresent(Inject.class)) {
                addInjectedParameters(connection, constructor);
            }
        }
        for (Class<?> level : hierarchy(type)) {
            for (Method method : level.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Inject.class)) {
                    addInjectedParameters(connection, method);
                }
            }
        }
        List<Class<? extends Decoder>> decoders = List.of(annotation.decoders());
        HandlerMethod onOpen = null;
        HandlerMethod onClose = null;
        HandlerMethod onError = null;
        List<HandlerMethod> onMessage = new ArrayList<>();
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(OnOpen.class)) {
                onOpen = single(onOpen, handler(method, OnOpen.class, decoders, connection), "@OnOpen");
            } else if (method.isAnnotationPresent(OnClose.class)) {
                onClose = single(onClose, handler(method, OnClose.class, decoders, connection), "@OnClose");
            } else if (method.isAnnotationPresent(OnError.class)) {
                onError = single(onError, handler(method, OnError.class, decoders, connection), "@OnError");
            } else if (method.isAnnotationPresent(OnMessage.class)) {
                onMessage.add(handler(method, OnMessage.class, decoders, connection));
            }
        }
        checkOneHandlerPerKind(type, onMessage);
        Dependant connectionInputs = new Dependant(connection.inputs);
        DependencyGraph graph = new DependencyGraph().check(type.getName(), connectionInputs, Scope.CONNECTION);
        boolean keepsHandshake = false;
        for (HandlerMethod handler : onMessage) {
            graph.check(handler.toString(), handler.callDependencies, Scope.MESSAGE);
            keepsHandshake |= readsHandshake(handler.callDependencies, new HashSet<>());
        }
        if (onError != null) {
            graph.check(onError.toString(), onError.callDependencies, Scope.MESSAGE);
            keepsHandshake |= readsHandshake(onError.callDependencies, new HashSet<>());
        }
        problems.addAll(graph.problems());
        checkPathVariables(type, annotation.value(), variables, connection.inputs, onMessage, onError);
        List<Dependant> roots = new ArrayList<>();
        roots.add(connectionInputs);
        onMessage.forEach(handler -> roots.add(handler.callDependencies));
        if (onError != null) {
            roots.add(onError.callDependencies);
        }
        return new EndpointModel(type, annotation.value(), connectionInputs, connection.members.toArray(),
                connection.positions.stream().mapToInt(Integer::intValue).toArray(), onOpen, onClose, onError,
                List.copyOf(onMessage), keepsHandshake, headerNames(roots),
                List.of(annotation.encoders()));
    }

    /** Produces the inputs of a {@code @Produces @Depends} method's parameters. */
    Dependant producerInputs(Method producer) {
        List<Input> inputs = new ArrayList<>();
        Parameter[] parameters = producer.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            Parameter parameter = parameters[i];
            if (isWsDepends(parameter.getAnnotations()) || parameter.isAnnotationPresent(PathParam.class)) {
                inputs.add(input(parameter.getAnnotations(), parameter.getParameterizedType(), parameter.getName(),
                        parameterSite(producer, i)));
            }
        }
        return new Dependant(inputs.stream().filter(input -> input != null).toList());
    }

    /** The positions of the producer parameters {@link #producerInputs} returns inputs for. */
    static int[] producerInputPositions(Method producer) {
        Parameter[] parameters = producer.getParameters();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < parameters.length; i++) {
            if (isWsDepends(parameters[i].getAnnotations()) || parameters[i].isAnnotationPresent(PathParam.class)) {
                positions.add(i);
            }
        }
        return positions.stream().mapToInt(Integer::intValue).toArray();
    }

    static boolean isWsDepends(Annotation[] annotations) {
        return HandshakeParams.qualifierOf(annotations) != null || Arrays.stream(annotations).anyMatch(Depends.class::isInstance);
    }

    private void addInjectedParameters(Connection connection, Executable executable) {
        Parameter[] parameters = executable.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            Parameter parameter = parameters[i];
            if (isWsDepends(parameter.getAnnotations()) || parameter.isAnnotationPresent(PathParam.class)) {
                connection.add(input(parameter.getAnnotations(), parameter.getParameterizedType(), parameter.getName(),
                        parameterSite(executable, i)), executable, i);
            }
        }
    }

    private HandlerMethod handler(Method method, Class<? extends Annotation> kind, List<Class<? extends Decoder>> decoders,
            Connection connection) {
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
            String site = parameterSite(method, i);
            if (perCall && parameter.isAnnotationPresent(Depends.class)) {
                args[i] = HandlerMethod.Arg.CALL_DEPENDENCY;
                indexes[i] = callInputs.size();
                callInputs.add(input(annotations, parameter.getParameterizedType(), parameter.getName(), site));
            } else if (isWsDepends(annotations) || parameter.isAnnotationPresent(PathParam.class)) {
                args[i] = HandlerMethod.Arg.CONNECTION_VALUE;
                indexes[i] = connection.inputs.size();
                connection.add(input(annotations, parameter.getParameterizedType(), parameter.getName(), site), null, 0);
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
                problems.add(site + ": @" + kind.getSimpleName() + " cannot pass a " + type.getName()
                        + ". Fix: remove the parameter, or annotate it with @PathParam, @Query, @Header, @Cookie, @Path or @Depends");
                args[i] = HandlerMethod.Arg.SESSION;
            }
        }
        HandlerMethod.Payload payload = null;
        long maxMessageSize = -1;
        if (kind == OnMessage.class) {
            maxMessageSize = method.getAnnotation(OnMessage.class).maxMessageSize();
            if (payloadType == null) {
                problems.add(method.getDeclaringClass().getName() + "#" + method.getName()
                        + ": @OnMessage has no message parameter. Fix: add a String, ByteBuffer, byte[], Reader, InputStream,"
                        + " PongMessage or decoded parameter");
            } else {
                payload = payloadKind(payloadType, last, decoders);
            }
        }
        if (kind == OnError.class && errorType == null) {
            problems.add(method.getDeclaringClass().getName() + "#" + method.getName()
                    + ": @OnError needs a Throwable parameter (Jakarta WebSocket 2.1 section 4.5). Fix: add one");
        }
        return new HandlerMethod(method, args, indexes, new Dependant(callInputs.stream().filter(in -> in != null).toList()),
                payload, payloadType, maxMessageSize, errorType, validate);
    }

    private static HandlerMethod.Payload payloadKind(Class<?> type, boolean last, List<Class<? extends Decoder>> decoders) {
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
            Type decoded = decodedType(decoder);
            if (decoded instanceof Class<?> decodedClass && type.isAssignableFrom(decodedClass)) {
                return Decoder.Binary.class.isAssignableFrom(decoder) || Decoder.BinaryStream.class.isAssignableFrom(decoder)
                        ? HandlerMethod.Payload.BINARY_DECODED : HandlerMethod.Payload.TEXT_DECODED;
            }
        }
        if (type.isPrimitive() || Conversions.builtIn(type) != null && (Number.class.isAssignableFrom(type)
                || type == Boolean.class || type == Character.class)) {
            return HandlerMethod.Payload.TEXT_CONVERTED;
        }
        return HandlerMethod.Payload.JSON;
    }

    /** The {@code T} of the {@code Decoder.Text<T>}-like interface a decoder class implements. */
    static Type decodedType(Class<?> decoder) {
        for (Class<?> level = decoder; level != null && level != Object.class; level = level.getSuperclass()) {
            for (Type implemented : level.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType parameterized
                        && parameterized.getRawType() instanceof Class<?> raw && Decoder.class.isAssignableFrom(raw)
                        && raw.getEnclosingClass() == Decoder.class) {
                    return parameterized.getActualTypeArguments()[0];
                }
            }
        }
        return Object.class;
    }

    private Input input(Annotation[] annotations, Type type, String elementName, String site) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof Depends declared) {
                Dependency dependency = dependencies.find(type, site, problems);
                return dependency == null ? null : new Input.Dep(dependency, declared.cached(), declared.scope(), site);
            }
        }
        HandshakeParams.Qualified qualified = HandshakeParams.qualifierOf(annotations);
        if (qualified == null) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof PathParam pathParam) {
                    qualified = new HandshakeParams.Qualified(Source.PATH, pathParam.value());
                }
            }
        }
        try {
            return new Input.Param(HandshakeParams.create(qualified, elementName, type, annotations, converters, clock), site);
        } catch (IllegalArgumentException invalid) {
            problems.add(site + ": " + invalid.getMessage());
            return null;
        }
    }

    private Input declaredDependency(Depends declared, String site) {
        if (declared.value() == void.class) {
            problems.add(site + ": @Depends on a class or package needs the dependency type. Fix: write @Depends(SomeType.class)");
            return null;
        }
        Dependency dependency = dependencies.find(declared.value(), site, problems);
        return dependency == null ? null : new Input.Dep(dependency, declared.cached(), declared.scope(), site);
    }

    private void checkPathVariables(Class<?> type, String path, Set<String> variables, List<Input> connection,
            List<HandlerMethod> onMessage, HandlerMethod onError) {
        Deque<Input> pending = new ArrayDeque<>(connection);
        onMessage.forEach(handler -> pending.addAll(handler.callDependencies.inputs()));
        if (onError != null) {
            pending.addAll(onError.callDependencies.inputs());
        }
        Set<Dependency> visited = new HashSet<>();
        while (!pending.isEmpty()) {
            Input input = pending.pop();
            if (input instanceof Input.Param param) {
                HandshakeParam value = param.param();
                if (value.source() == Source.PATH && !variables.contains(value.name())) {
                    problems.add(param.site() + ": path variable \"" + value.name() + "\" is not in the path \"" + path + "\" of "
                            + type.getName() + " (variables: " + variables + "). Fix: use one of those names or add {"
                            + value.name() + "} to the @ServerEndpoint path");
                }
            } else if (input instanceof Input.Dep dep && visited.add(dep.dependency())) {
                pending.addAll(dep.dependency().inputs().inputs());
            }
        }
    }

    /** The headers the endpoint's inputs read, directly or through dependencies ({@code Cookie} for cookies). */
    private static Set<String> headerNames(List<Dependant> roots) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Deque<Input> pending = new ArrayDeque<>();
        roots.forEach(root -> pending.addAll(root.inputs()));
        Set<Dependency> visited = new HashSet<>();
        while (!pending.isEmpty()) {
            Input input = pending.pop();
            if (input instanceof Input.Param param && param.param().source() == Source.HEADER) {
                names.add(param.param().name());
            } else if (input instanceof Input.Param param && param.param().source() == Source.COOKIE) {
                names.add("Cookie");
            } else if (input instanceof Input.Dep dep && visited.add(dep.dependency())) {
                pending.addAll(dep.dependency().inputs().inputs());
            }
        }
        return Collections.unmodifiableSet(names);
    }

    private static boolean readsHandshake(Dependant dependant, Set<Dependency> visited) {
        for (Input input : dependant.inputs()) {
            if (input instanceof Input.Param) {
                return true;
            }
            if (input instanceof Input.Dep dep && visited.add(dep.dependency())
                    && readsHandshake(dep.dependency().inputs(), visited)) {
                return true;
            }
        }
        return false;
    }

    private HandlerMethod single(HandlerMethod existing, HandlerMethod found, String kind) {
        if (existing != null) {
            problems.add(found + ": a second " + kind + " method besides " + existing.method.getName()
                    + " (Jakarta WebSocket allows one). Fix: merge them");
        }
        return found;
    }

    private void checkOneHandlerPerKind(Class<?> type, List<HandlerMethod> onMessage) {
        Set<String> kinds = new HashSet<>();
        for (HandlerMethod handler : onMessage) {
            if (handler.payload == null) {
                continue;
            }
            String kind = handler.payload == HandlerMethod.Payload.PONG ? "pong" : handler.isBinary() ? "binary" : "text";
            if (!kinds.add(kind)) {
                problems.add(type.getName() + "#" + handler.method.getName() + ": a second @OnMessage method for " + kind
                        + " messages (Jakarta WebSocket allows one per kind). Fix: merge them");
            }
        }
    }

    private static Set<String> templateVariables(String path) {
        Set<String> variables = new LinkedHashSet<>();
        Matcher matcher = TEMPLATE_VARIABLE.matcher(path);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return variables;
    }

    /** CDI injects superclass members first. */
    private static List<Class<?>> hierarchy(Class<?> type) {
        List<Class<?>> levels = new ArrayList<>();
        for (Class<?> level = type; level != null && level != Object.class; level = level.getSuperclass()) {
            levels.add(0, level);
        }
        return levels;
    }

    static String parameterSite(Executable executable, int index) {
        String types = Arrays.stream(executable.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", "));
        String name = executable instanceof Constructor<?> ? executable.getDeclaringClass().getSimpleName() : executable.getName();
        return "parameter " + executable.getParameters()[index].getName() + " of " + executable.getDeclaringClass().getName()
                + "#" + name + "(" + types + ")";
    }

    /** Connection inputs and where CDI injects them. */
    private static final class Connection {
        final List<Input> inputs = new ArrayList<>();
        final List<Object> members = new ArrayList<>();
        final List<Integer> positions = new ArrayList<>();

        void add(Input input, Object member, int position) {
            if (input == null) {
                return;
            }
            inputs.add(input);
            members.add(member);
            positions.add(position);
        }
    }
}
