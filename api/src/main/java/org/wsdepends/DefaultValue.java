package org.wsdepends;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value a {@link Query}, {@link Header}, {@link Cookie} or {@link Path} injection point takes
 * when the handshake does not carry it. The default is converted (and validated) like a received
 * value; a default that cannot be converted to the injection point's type fails the deployment.
 * With {@code @DefaultValue}, a parameter is optional.
 *
 * <pre>
 * &#64;Inject &#64;Query &#64;DefaultValue("20") &#64;Min(1) &#64;Max(100) int history;
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface DefaultValue {

    /**
     * The default, in the same string form the handshake would carry.
     *
     * @return the default value, never {@code null}
     */
    String value();
}
