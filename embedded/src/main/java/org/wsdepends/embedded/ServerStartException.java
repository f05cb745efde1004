package org.wsdepends.embedded;

/**
 * Thrown by {@link WsDependsServer.Builder#start()} when the server cannot start: the port is in use, the host
 * cannot be bound, or the WebSocket container refused an endpoint. The message says what happened and what to do.
 * When it is thrown, nothing of the server is left running.
 *
 * <p>CDI deployment problems (unsatisfied dependencies, wsdepends' own deployment checks) are not wrapped: they
 * reach the caller as the CDI container's {@code jakarta.enterprise.inject.spi.DeploymentException} or
 * {@code DefinitionException}.
 */
public class ServerStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened and what to do; not {@code null}
     * @param cause   the underlying failure; may be {@code null}
     */
    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
