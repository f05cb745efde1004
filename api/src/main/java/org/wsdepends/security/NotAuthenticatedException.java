package org.wsdepends.security;

import org.wsdepends.WebSocketException;

/**
 * Missing or malformed credentials: the frame {@code {"detail":"Not authenticated"}}, then close 1008
 * {@code Not authenticated} (FastAPI's body, RFC 6455's policy code). Throw it from an identity
 * producer for credentials it does not accept; an {@code ExceptionHandler} bean of this type replaces
 * that default.
 */
public class NotAuthenticatedException extends WebSocketException {

    private static final long serialVersionUID = 1L;

    /** The exception, close 1008 {@code Not authenticated}. */
    public NotAuthenticatedException() {
        super(1008, "Not authenticated");
    }
}
