package org.wsdepends.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Resolves this endpoint's handshake values, identity, roles and connection dependencies before the
 * {@code 101}, and answers a failure with a real HTTP response instead of an accepted connection that
 * is closed with 1008: validation {@code 422 {"detail":[...]}}, not authenticated {@code 401} with
 * one {@code WWW-Authenticate} challenge per declared credential scheme, forbidden and
 * {@code WebSocketException(1008, reason)} {@code 403}, {@code WebSocketException(1013, reason)}
 * {@code 503} with {@code Retry-After}, anything else {@code 500 {"detail":"Internal server error"}}.
 * Nothing is upgraded and no endpoint instance is created on failure; what was created is disposed
 * once. On success, the connection uses what was resolved: nothing is resolved twice.
 *
 * <p>Browsers show any refused upgrade as close code 1006 without the body, so the default (accept,
 * error frame, close 1008) suits pages; this suits services, mobile clients and gateways.
 *
 * <p>When it is evaluated: at deployment. It wins over the deployment's setting
 * {@code org.wsdepends.reject} ({@code http} or {@code close}; embedded:
 * {@code WsDependsServer.builder().rejectBeforeUpgrade(boolean)}), so {@code @RejectBeforeUpgrade(false)}
 * keeps one endpoint in the default mode when the deployment rejects before the upgrade. The class is
 * wrapped by wsdepends like any class that uses a wsdepends annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RejectBeforeUpgrade {

    /** @return whether this endpoint rejects before the upgrade; {@code false} keeps the default mode */
    boolean value() default true;
}
