package org.wsdepends.tck.exceptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wsdepends.Depends;
import org.wsdepends.Query;
import org.wsdepends.RequestValidationException;
import org.wsdepends.WebSocketException;
import org.wsdepends.embedded.WsDependsServer;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.spi.ExceptionHandler;

/** WebSocketException, the endpoint's @OnError, ExceptionHandler beans and the 1011 default (design §4). */
class ExceptionsTest {

    static WsDependsServer server;

    /** A user exception with a handler bean. */
    public static class CustomError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CustomError(String message) {
            super(message);
        }
    }

    /** A subclass: its handler is chosen over the superclass's. */
    public static class SpecificError extends CustomError {
        private static final long serialVersionUID = 1L;

        SpecificError(String message) {
            super(message);
        }
    }

    public record Guard(String value) {
    }

    @ApplicationScoped
    public static class Producers {
        @Produces @Depends
        Guard guard(@Query("code") int code) {
            if (code != 0) {
                throw new WebSocketException(code, "denied by the dependency");
            }
            return new Guard("ok");
        }
    }

    @ApplicationScoped
    public static class CustomHandler implements ExceptionHandler<CustomError> {
        @Override
        public void handle(CustomError exception, Session session) throws IOException {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(1002), "foo " + exception.getMessage()));
        }
    }

    @ApplicationScoped
    public static class SpecificHandler implements ExceptionHandler<SpecificError> {
        @Override
        public void handle(SpecificError exception, Session session) throws IOException {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(4100), "specific"));
        }
    }

    @ApplicationScoped
    @Priority(10)
    public static class PreferredSpecificHandler implements ExceptionHandler<SpecificError> {
        @Override
        public void handle(SpecificError exception, Session session) throws IOException {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(4101), "preferred"));
        }
    }

    @ServerEndpoint("/guarded")
    public static class GuardedEndpoint {
        @Inject @Depends Guard guard;

        @OnMessage
        public String message(String text, Session session) throws IOException {
            switch (text) {
                case "custom" -> throw new CustomError("bar");
                case "specific" -> throw new SpecificError("baz");
                case "close-after" -> {
                    session.getBasicRemote().sendText("one");
                    session.getBasicRemote().sendText("two");
                    throw new WebSocketException(4000, "x".repeat(200));
                }
                case "boom" -> throw new IllegalStateException("secret internal detail");
                default -> {
                    return guard.value() + " " + text;
                }
            }
        }
    }

    @ServerEndpoint("/own-onerror")
    public static class OwnOnErrorEndpoint {
        @Inject @Query("q") String q;

        @OnOpen
        public void open(Session session) throws IOException {
            session.getBasicRemote().sendText("open " + q);
        }

        @OnMessage
        public String message(String text) {
            throw new CustomError("from message");
        }

        @OnError
        public void error(Session session, CustomError error) throws IOException {
            session.getBasicRemote().sendText("@OnError " + error.getMessage());
        }
    }

    @BeforeAll
    static void start() {
        server = WsDependsServer.builder().port(0).endpoints(GuardedEndpoint.class, OwnOnErrorEndpoint.class)
                .beans(Producers.class, CustomHandler.class, SpecificHandler.class, PreferredSpecificHandler.class).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void webSocketExceptionFromADependencyClosesWithItsCodeAndReason() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/guarded?code=4403"))) {
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(4403);
            assertThat(closed.reason()).isEqualTo("denied by the dependency");
        }
    }

    @Test
    void webSocketExceptionAfterMessagesDeliversThemThenClosesWithAShortenedReason() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/guarded?code=0"))) {
            client.sendText("close-after");
            assertThat(client.nextText()).isEqualTo("one");
            assertThat(client.nextText()).isEqualTo("two");
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(4000);
            assertThat(closed.reason()).isEqualTo("x".repeat(120) + "...");
        }
    }

    @Test
    void anExceptionHandlerBeanHandlesItsType() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/guarded?code=0"))) {
            client.sendText("custom");
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(1002);
            assertThat(closed.reason()).isEqualTo("foo bar");
        }
    }

    @Test
    void theMostSpecificTypeWinsThenTheHigherPriority() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/guarded?code=0"))) {
            client.sendText("specific");
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(4101);
            assertThat(closed.reason()).isEqualTo("preferred");
        }
    }

    @Test
    void anUnexpectedExceptionClosesWith1011WithoutLeakingItsMessage() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/guarded?code=0"))) {
            client.sendText("boom");
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(1011);
            assertThat(closed.reason()).doesNotContain("secret");
        }
    }

    @Test
    void theEndpointsOwnOnErrorComesFirstAndTheConnectionStaysOpen() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/own-onerror?q=v"))) {
            assertThat(client.nextText()).isEqualTo("open v");
            client.sendText("x");
            assertThat(client.nextText()).isEqualTo("@OnError from message");
            client.sendText("y");
            assertThat(client.nextText()).isEqualTo("@OnError from message");
        }
    }

    @Test
    void handshakeConversionErrorsReachTheDefaultValidationHandler() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/guarded?code=abc"))) {
            assertThat(client.nextText()).startsWith("{\"detail\":[{\"type\":\"int_parsing\"");
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(closed.reason().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(123);
            assertThat(closed.reason()).startsWith("[{\"type\":\"int_parsing\",\"loc\":[\"query\",\"code\"]");
        }
    }

    /** A replacement for the default validation handling, like FastAPI's E30. */
    @ServerEndpoint("/replaced")
    public static class ReplacedEndpoint {
        @Inject @Query("n") int n;
    }

    @ApplicationScoped
    public static class ShortValidationErrors implements ExceptionHandler<RequestValidationException> {
        @Override
        public void handle(RequestValidationException exception, Session session) throws IOException {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(4422),
                    exception.errors().size() + " " + exception.errors().get(0).type()));
        }
    }

    @Test
    void aUserValidationHandlerReplacesTheDefault() {
        try (WsDependsServer own = WsDependsServer.builder().port(0).endpoints(ReplacedEndpoint.class)
                .beans(ShortValidationErrors.class).start();
                WsTestClient client = WsTestClient.connect(own.uri("/replaced?n=x"))) {
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(4422);
            assertThat(closed.reason()).isEqualTo("1 int_parsing");
        }
    }
}
