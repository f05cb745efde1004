package org.wsdepends.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import jakarta.websocket.CloseReason;

import org.junit.jupiter.api.Test;
import org.wsdepends.core.Dependant;

/** The invoker passes each parameter what the analysis says it receives, converted to its type. */
class HandlerMethodTest {

    static final CloseReason GOING_AWAY = new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "bye");

    @SuppressWarnings("unused")
    static class Endpoint {
        final List<Object> calls = new ArrayList<>();

        String echo(String text) {
            return text;
        }

        int twice(int number, Boolean last) {
            calls.add(last);
            return 2 * number;
        }

        void mixed(Object dependency, String room, CloseReason reason, IOException error, int limit) {
            calls.addAll(List.of(dependency, room, reason, error, limit));
        }

        void fails() throws IOException {
            throw new IOException("from the handler");
        }
    }

    private static HandlerMethod handler(String name, HandlerMethod.Arg[] args, int[] indexes) {
        for (Method method : Endpoint.class.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return new HandlerMethod(method, args, indexes, Dependant.NONE, null, null, -1, null, false, null);
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static Object call(HandlerMethod handler, Endpoint endpoint, Object payload, boolean last, Object[] connection,
            Object[] call, Throwable error) throws Throwable {
        return (Object) handler.invoker.invokeExact((Object) endpoint, (jakarta.websocket.Session) null,
                (jakarta.websocket.EndpointConfig) null, GOING_AWAY, error, payload, last, connection, call);
    }

    @Test
    void passesThePayloadAndReturnsTheResult() throws Throwable {
        HandlerMethod echo = handler("echo", new HandlerMethod.Arg[] {HandlerMethod.Arg.PAYLOAD}, new int[1]);

        assertThat(call(echo, new Endpoint(), "hi", true, new Object[0], new Object[0], null)).isEqualTo("hi");
    }

    @Test
    void unboxesConvertedPayloadsBoxesTheLastFlagAndTheResult() throws Throwable {
        HandlerMethod twice = handler("twice", new HandlerMethod.Arg[] {HandlerMethod.Arg.PAYLOAD, HandlerMethod.Arg.LAST},
                new int[2]);
        Endpoint endpoint = new Endpoint();

        assertThat(call(twice, endpoint, 21, false, new Object[0], new Object[0], null)).isEqualTo(42);
        assertThat(endpoint.calls).containsExactly(false);
    }

    @Test
    void takesConnectionValuesAndCallDependenciesByIndex() throws Throwable {
        HandlerMethod mixed = handler("mixed", new HandlerMethod.Arg[] {HandlerMethod.Arg.CALL_DEPENDENCY,
                HandlerMethod.Arg.CONNECTION_VALUE, HandlerMethod.Arg.CLOSE_REASON, HandlerMethod.Arg.THROWABLE,
                HandlerMethod.Arg.CONNECTION_VALUE}, new int[] {1, 2, 0, 0, 0});
        Endpoint endpoint = new Endpoint();
        IOException error = new IOException("peer");

        Object result = call(mixed, endpoint, null, true, new Object[] {7, "x", "lobby"}, new Object[] {"a", "b"}, error);

        assertThat(result).isNull();
        assertThat(endpoint.calls).containsExactly("b", "lobby", GOING_AWAY, error, 7);
    }

    @Test
    void throwsWhatTheMethodThrows() {
        HandlerMethod fails = handler("fails", new HandlerMethod.Arg[0], new int[0]);

        assertThatThrownBy(() -> call(fails, new Endpoint(), null, true, new Object[0], new Object[0], null))
                .isInstanceOf(IOException.class).hasMessage("from the handler");
    }
}
