package org.wsdepends.tck.exceptions;

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

import org.wsdepends.Depends;
import org.wsdepends.Query;
import org.wsdepends.WebSocketException;
import org.wsdepends.spi.ExceptionHandler;

/** The application {@link ExceptionsTest} deploys. */
public final class ExceptionsApp {

    private ExceptionsApp() {
    }

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
}
