package org.wsdepends.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.WrongMethodTypeException;
import java.lang.reflect.Method;

import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

import org.wsdepends.core.Dependant;
import org.wsdepends.core.Roles;

/**
 * One {@code @OnOpen}, {@code @OnMessage}, {@code @OnError} or {@code @OnClose} method of a wrapped
 * endpoint, analysed once at deployment: what each parameter receives.
 */
final class HandlerMethod {

    /** What a handler parameter receives; in the order of the {@link #INVOKER_TYPE} parameters after the endpoint. */
    enum Arg {
        SESSION, CONFIG, CLOSE_REASON, THROWABLE, PAYLOAD, LAST,
        /** a value resolved when the connection opened: {@code indexes[i]} into the connection's values */
        CONNECTION_VALUE,
        /** a {@code @Depends} resolved for this call: {@code indexes[i]} into the call's values */
        CALL_DEPENDENCY
    }

    /** How an {@code @OnMessage} payload is received. */
    enum Payload {
        TEXT, TEXT_PARTIAL, READER, BINARY_BUFFER, BINARY_ARRAY, BINARY_BUFFER_PARTIAL, BINARY_ARRAY_PARTIAL,
        INPUT_STREAM, PONG, TEXT_DECODED, BINARY_DECODED, TEXT_CONVERTED, JSON
    }

    /**
     * The type of {@link #invoker}: (endpoint, session, config, close reason, error, payload, last,
     * connection values, call values) to the method's result, {@code null} for {@code void}.
     */
    static final MethodType INVOKER_TYPE = MethodType.methodType(Object.class, Object.class, Session.class,
            EndpointConfig.class, CloseReason.class, Throwable.class, Object.class, boolean.class, Object[].class,
            Object[].class);

    final Method method;
    /**
     * Calls the method with what each parameter receives, without an argument array per call (no
     * allocation per message); {@code null} if the analysis reported the parameters as a problem.
     */
    final MethodHandle invoker;
    final Arg[] args;
    final int[] indexes;
    final Dependant callDependencies;
    final Payload payload;
    final Class<?> payloadType;
    final long maxMessageSize;
    final Class<?> errorType;
    final boolean validatePayload;
    /** what an {@code @OnMessage} method's own security annotation requires, {@code null} for the class's */
    final Roles roles;

    HandlerMethod(Method method, Arg[] args, int[] indexes, Dependant callDependencies, Payload payload,
            Class<?> payloadType, long maxMessageSize, Class<?> errorType, boolean validatePayload, Roles roles) {
        this.method = method;
        this.args = args;
        this.indexes = indexes;
        this.callDependencies = callDependencies;
        this.payload = payload;
        this.payloadType = payloadType;
        this.maxMessageSize = maxMessageSize;
        this.errorType = errorType;
        this.validatePayload = validatePayload;
        this.roles = roles;
        method.setAccessible(true);
        this.invoker = invoker(method, args, indexes);
    }

    private static MethodHandle invoker(Method method, Arg[] args, int[] indexes) {
        Class<?>[] types = method.getParameterTypes();
        MethodHandle[] parameters = new MethodHandle[types.length];
        int[] sources = new int[1 + types.length];
        try {
            for (int i = 0; i < types.length; i++) {
                MethodHandle parameter = switch (args[i]) {
                    case CONNECTION_VALUE, CALL_DEPENDENCY -> MethodHandles.insertArguments(
                            MethodHandles.arrayElementGetter(Object[].class), 1, indexes[i]);
                    default -> MethodHandles.identity(INVOKER_TYPE.parameterType(1 + args[i].ordinal()));
                };
                parameters[i] = parameter.asType(parameter.type().changeReturnType(types[i]));
                sources[1 + i] = 1 + args[i].ordinal();
            }
            MethodHandle target = MethodHandles.filterArguments(MethodHandles.lookup().unreflect(method), 1, parameters);
            target = target.asType(target.type().changeReturnType(Object.class).changeParameterType(0, Object.class));
            return MethodHandles.permuteArguments(target, INVOKER_TYPE, sources);
        } catch (WrongMethodTypeException | IllegalAccessException unusable) {
            return null;
        }
    }

    boolean isBinary() {
        return switch (payload) {
            case BINARY_BUFFER, BINARY_ARRAY, BINARY_BUFFER_PARTIAL, BINARY_ARRAY_PARTIAL, INPUT_STREAM, BINARY_DECODED -> true;
            default -> false;
        };
    }

    @Override
    public String toString() {
        return method.getDeclaringClass().getName() + "#" + method.getName();
    }
}
