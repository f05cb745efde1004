package org.wsdepends.spi;

/**
 * Where an exception handed to an {@link ExceptionHandler} happened.
 *
 * @param phase    when it happened; never {@code null}
 * @param endpoint the endpoint, as FastAPI describes a route, e.g. {@code WS /rooms/{room} (com.acme.ChatEndpoint)};
 *                 never {@code null}
 */
public record ExceptionContext(Phase phase, String endpoint) {

    /** When an exception happened. */
    public enum Phase {
        /**
         * While the connection opened, before the endpoint existed: resolving the handshake values and
         * connection dependencies, or creating the endpoint. The connection's cleanup has run.
         * wsdepends' own handling sends an error frame and closes.
         */
        HANDSHAKE,
        /**
         * Once the endpoint existed: a message and its dependencies, or another callback
         * ({@code @OnOpen} included). A message's cleanup has run; the connection's has not.
         * wsdepends' own handling of a validation error sends an error frame and keeps the
         * connection open.
         */
        MESSAGE
    }
}
