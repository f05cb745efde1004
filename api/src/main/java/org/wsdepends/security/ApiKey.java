package org.wsdepends.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;

/**
 * Injects an API key of the handshake from a header, a query parameter or a cookie (FastAPI's
 * {@code APIKeyHeader}, {@code APIKeyQuery}, {@code APIKeyCookie}), on {@code String} or
 * {@code Optional<String>}; evaluated and failing as {@link BearerToken} says. A key carried in a
 * cookie is only safe with {@code org.wsdepends.allowed-origins} set (cross-site WebSocket hijacking).
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface ApiKey {

    /**
     * @return the header, query parameter or cookie name
     */
    @Nonbinding
    String name() default "X-API-Key";

    /**
     * @return where the key is carried
     */
    @Nonbinding
    In in() default In.HEADER;

    /** Where an API key is carried. */
    enum In {
        /** a request header */
        HEADER,
        /** a query parameter */
        QUERY,
        /** a cookie */
        COOKIE
    }
}
