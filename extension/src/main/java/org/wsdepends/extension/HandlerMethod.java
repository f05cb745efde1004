package org.wsdepends.extension;

import java.lang.reflect.Method;

import org.wsdepends.core.Dependant;

/**
 * One {@code @OnOpen}, {@code @OnMessage}, {@code @OnError} or {@code @OnClose} method of a wrapped
 * endpoint, analysed once at deployment: what each parameter receives.
 */
final class HandlerMethod {

    /** What a handler parameter receives. */
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

    final Method method;
    final Arg[] args;
    final int[] indexes;
    final Dependant callDependencies;
    final Payload payload;
    final Class<?> payloadType;
    final long maxMessageSize;
    final Class<?> errorType;
    final boolean validatePayload;

    HandlerMethod(Method method, Arg[] args, int[] indexes, Dependant callDependencies, Payload payload,
            Class<?> payloadType, long maxMessageSize, Class<?> errorType, boolean validatePayload) {
        this.method = method;
        this.args = args;
        this.indexes = indexes;
        this.callDependencies = callDependencies;
        this.payload = payload;
        this.payloadType = payloadType;
        this.maxMessageSize = maxMessageSize;
        this.errorType = errorType;
        this.validatePayload = validatePayload;
        method.setAccessible(true);
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
