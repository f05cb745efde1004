package org.wsdepends.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.inject.Qualifier;

/**
 * Injects the {@link BasicCredentials} of {@code Authorization: Basic <base64(user:password)>}, on
 * {@code BasicCredentials} or {@code Optional<BasicCredentials>}; evaluated and failing as
 * {@link BearerToken} says. Bad base64 or no {@code :} is malformed (FastAPI's {@code HTTPBasic}).
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface BasicAuth {
}
