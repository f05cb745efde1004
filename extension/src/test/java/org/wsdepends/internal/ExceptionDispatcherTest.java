package org.wsdepends.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.websocket.Session;

import org.junit.jupiter.api.Test;
import org.wsdepends.RequestValidationException;
import org.wsdepends.ValidationError;
import org.wsdepends.WebSocketException;
import org.wsdepends.spi.ExceptionContext;
import org.wsdepends.spi.ExceptionHandler;

/** The dispatcher's decisions, without a connection: what the connection is told to do. */
class ExceptionDispatcherTest {

    private static final ExceptionContext HANDSHAKE = new ExceptionContext(ExceptionContext.Phase.HANDSHAKE, "WS /e (E)");
    private static final ExceptionContext MESSAGE = new ExceptionContext(ExceptionContext.Phase.MESSAGE, "WS /e (E)");
    private static final RequestValidationException MISSING_TOKEN = new RequestValidationException(
            List.of(new ValidationError("missing", List.of("query", "token"), "Field required", null)), "WS /e");

    private final List<String> calls = new ArrayList<>();

    @Test
    void validationAtTheHandshakeIsAnErrorFrameThenA1008() {
        assertThat(new ExceptionDispatcher(List.of()).dispatch(MISSING_TOKEN, null, HANDSHAKE)).isEqualTo(new Outcome.FrameThenClose(
                "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"query\",\"token\"],\"msg\":\"Field required\",\"input\":null}]}",
                1008, "[{\"type\":\"missing\",\"loc\":[\"query\",\"token\"],\"msg\":\"Field required\",\"input\":null}]"));
    }

    @Test
    void validationOfAMessageIsAnErrorFrameOnly() {
        assertThat(new ExceptionDispatcher(List.of()).dispatch(MISSING_TOKEN, null, MESSAGE)).isEqualTo(new Outcome.Frame(
                "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"query\",\"token\"],\"msg\":\"Field required\",\"input\":null}]}"));
    }

    @Test
    void aWebSocketExceptionClosesAsAskedWithTheReasonShortened() {
        String reason = "é".repeat(100);

        Outcome outcome = new ExceptionDispatcher(List.of()).dispatch(new WebSocketException(4001, reason), null, MESSAGE);

        assertThat(outcome).isEqualTo(new Outcome.Close(4001, "é".repeat(60) + "..."));
    }

    @Test
    void anythingElseIsAGeneric1011() {
        assertThat(new ExceptionDispatcher(List.of()).dispatch(new IllegalStateException("secret"), null, MESSAGE))
                .isEqualTo(new Outcome.Close(1011, "Internal server error"));
    }

    @Test
    void theMostSpecificUserHandlerWinsThenTheHigherPriority() {
        ExceptionDispatcher dispatcher = new ExceptionDispatcher(List.of(
                registration(RuntimeException.class, 100, "runtime"),
                registration(IllegalStateException.class, 1, "state low"),
                registration(IllegalStateException.class, 5, "state high")));

        assertThat(dispatcher.dispatch(new IllegalStateException(), null, MESSAGE)).isEqualTo(Outcome.HANDLED);
        assertThat(dispatcher.dispatch(new IllegalArgumentException(), null, HANDSHAKE)).isEqualTo(Outcome.HANDLED);
        assertThat(dispatcher.dispatch(new IOException(), null, HANDSHAKE)).isEqualTo(new Outcome.Close(1011, "Internal server error"));

        assertThat(calls).containsExactly("state high MESSAGE", "runtime HANDSHAKE");
    }

    @Test
    void aUserHandlerForValidationReplacesTheBuiltInOne() {
        ExceptionDispatcher dispatcher = new ExceptionDispatcher(List.of(registration(RequestValidationException.class, 0, "mine")));

        assertThat(dispatcher.dispatch(MISSING_TOKEN, null, HANDSHAKE)).isEqualTo(Outcome.HANDLED);
        assertThat(calls).containsExactly("mine HANDSHAKE");
    }

    @Test
    void aHandlerImplementingOnlyTheOldMethodStillWorks() {
        ExceptionHandler<Throwable> old = new ExceptionHandler<>() {
            @Override
            public void handle(Throwable exception, Session session) {
                calls.add("old " + exception.getMessage());
            }
        };
        ExceptionDispatcher dispatcher = new ExceptionDispatcher(List.of(
                new ExceptionHandlers.Registration(Throwable.class, 0, () -> old)));

        assertThat(dispatcher.dispatch(new IllegalStateException("x"), null, MESSAGE)).isEqualTo(Outcome.HANDLED);
        assertThat(calls).containsExactly("old x");
    }

    @Test
    void aHandlerThatThrowsIsA1011() {
        ExceptionHandler<Throwable> throwing = new ExceptionHandler<>() {
            @Override
            public void handle(Throwable exception, Session session) throws IOException {
                throw new IOException("send failed");
            }
        };
        ExceptionDispatcher dispatcher = new ExceptionDispatcher(List.of(
                new ExceptionHandlers.Registration(WebSocketException.class, 0, () -> throwing)));

        assertThat(dispatcher.dispatch(new WebSocketException(4000, "x"), null, MESSAGE))
                .isEqualTo(new Outcome.Close(1011, "Internal server error"));
    }

    private ExceptionHandlers.Registration registration(Class<?> type, int priority, String name) {
        ExceptionHandler<Throwable> handler = new ExceptionHandler<>() {
            @Override
            public void handle(Throwable exception, Session session, ExceptionContext context) {
                calls.add(name + " " + context.phase());
            }
        };
        return new ExceptionHandlers.Registration(type, priority, () -> handler);
    }
}
