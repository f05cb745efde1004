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
 * <p>When it is called: dependency cleanup of the failing scope has already run. The handler
 * decides what the peer sees; closing the session is up to it. An exception thrown by the handler
 * is logged and the connection is closed with 1011.
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
     * Handles the exception.
     *
     * @param exception the exception, never {@code null}
     * @param session   the connection it happened on, never {@code null}; possibly already closed
     * @throws IOException if sending or closing fails
     */
    void handle(E exception, Session session) throws IOException;
}
