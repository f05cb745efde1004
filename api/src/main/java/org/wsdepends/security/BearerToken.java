package org.wsdepends.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.inject.Qualifier;

/**
 * Injects the bearer token of the handshake: {@code Authorization: Bearer <token>} (the scheme in
 * any case), or, since browsers cannot set headers, the subprotocol carrier
 * {@code Sec-WebSocket-Protocol: bearer, <token>}, for which the server selects the subprotocol
 * {@code bearer} (never the token). FastAPI's {@code OAuth2PasswordBearer} as a dependency.
 *
 * <p>Injectable wherever {@code @Query} is, on {@code String} or {@code Optional<String>}. When it is
 * evaluated: with the other handshake values, when the connection opens.
 *
 * <p>On failure: a missing or malformed token, both carriers at once, or two {@code Authorization}
 * headers make a required ({@code String}) injection point fail with
 * {@link NotAuthenticatedException}: the frame {@code {"detail":"Not authenticated"}}, then close 1008
 * {@code Not authenticated}, before any other handshake value is reported. An {@code Optional} is
 * empty instead. The token never appears in a frame, a close reason or a log line of wsdepends.
 *
 * <pre>
 * &#64;Produces &#64;Depends
 * Identity user(&#64;BearerToken String token) { return tokens.verify(token); }
 * </pre>
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface BearerToken {
}
