package org.wsdepends.spi;

import java.io.IOException;

import jakarta.websocket.Session;

/**
 * Handles an exception thrown by a wrapped endpoint, one of its dependencies or wsdepends itself,
 * when the endpoint has no {@code @OnError} method for it.
 *
 * <p>Implement it as a CDI bean (any scope; {@code @ApplicationScoped} is typical). The handler
 * whose type argument is the most specific supertype of the exception wins; between handlers of the
 * same type, the higher {@link jakarta.annotation.Priority @Priority} wins (no {@code @Priority}
 * counts as 0). The built-in handlers, for {@link org.wsdepends.RequestValidationException},
 * {@link org.wsdepends.WebSocketException} and {@link Throwable} (close 1011, log the stack trace),
 * have the lowest priority ({@link Integer#MIN_VALUE}), so any bean of the same type replaces them.
 *
 * <p>When it is called: dependency cleanup of the failing scope has already run (at the handshake,
 * the connection's; for a message, the message's). The handler decides what the peer sees; closing
 * the session is up to it. An exception thrown by the handler is logged and the connection is closed
 * with 1011. {@link ExceptionContext#phase()} tells a handshake from a message, so a handler can do
 * what the built-in one does for either.
 *
 * <pre>
 * &#64;ApplicationScoped
 * public class ShortValidationErrors implements ExceptionHandler&lt;RequestValidationException&gt; {
 *     public void handle(RequestValidationException e, Session session) throws IOException {
 *         session.close(new CloseReason(CloseCodes.VIOLATED_POLICY, e.errors().get(0).type()));
 *     }
 * }
 * </pre>
 *
 * @param <E> the exception type handled
 */
public interface ExceptionHandler<E extends Throwable> {

    /**
     * Handles the exception. Implement this method, or {@link #handle(Throwable, Session, ExceptionContext)}
     * when the handling depends on the phase.
     *
     * @param exception the exception, never {@code null}
     * @param session   the connection it happened on, never {@code null}; possibly already closed
     * @throws IOException if sending or closing fails
     * @throws UnsupportedOperationException if neither method is implemented
     */
    default void handle(E exception, Session session) throws IOException {
        throw new UnsupportedOperationException(getClass().getName() + " implements neither handle method of ExceptionHandler");
    }

    /**
     * Handles the exception, knowing where it happened: what wsdepends' own handler for
     * {@link org.wsdepends.RequestValidationException} does differs between a handshake (error
     * frame, then close 1008) and a message (error frame only). wsdepends calls this method; by
     * default it calls {@link #handle(Throwable, Session)}.
     *
     * @param exception the exception, never {@code null}
     * @param session   the connection it happened on, never {@code null}; possibly already closed
     * @param context   where it happened, never {@code null}
     * @throws IOException if sending or closing fails
     */
    default void handle(E exception, Session session, ExceptionContext context) throws IOException {
        handle(exception, session);
    }
}
