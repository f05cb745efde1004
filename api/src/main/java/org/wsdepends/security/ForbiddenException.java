package org.wsdepends.security;

import org.wsdepends.WebSocketException;

/**
 * An identity without a role an endpoint or message requires: at the handshake the frame
 * {@code {"detail":"Forbidden"}}, then close 1008 {@code Forbidden}; for a message the frame only,
 * and the connection stays open. An {@code ExceptionHandler} bean of this type replaces that default.
 */
public class ForbiddenException extends WebSocketException {

    private static final long serialVersionUID = 1L;

    /** The exception, close 1008 {@code Forbidden}. */
    public ForbiddenException() {
        super(1008, "Forbidden");
    }
}
