package org.wsdepends;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;

/**
 * Injects a cookie sent with the WebSocket handshake.
 *
 * <p>Cookies are read from the {@code Cookie} request header following RFC 6265 section 5.4
 * ({@code name=value} pairs separated by {@code ;}, surrounding double quotes removed). Names are
 * case-sensitive. If a name occurs more than once, the first occurrence wins for a scalar and all
 * occurrences bind to a {@code List<T>}.
 *
 * <p>When it is evaluated, nullability and failures: as for {@link Query}; errors carry
 * {@code loc = ["cookie", <name>]}.
 *
 * <pre>
 * &#64;ServerEndpoint("/items/{id}/ws")
 * public class ItemsEndpoint {
 *     &#64;Inject &#64;Cookie("session") Optional&lt;String&gt; session;
 * }
 * </pre>
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Cookie {

    /**
     * The cookie name. The default, {@code ""}, uses the element name.
     *
     * @return the cookie name, or {@code ""} for the element name
     */
    @Nonbinding
    String value() default "";

    /**
     * An instance of {@code @Cookie}, for programmatic lookups and synthetic beans (CDI's convention,
     * as {@code Named.Literal}).
     */
    final class Literal extends NamedLiteral<Cookie> implements Cookie {

        /** {@code @Cookie} with the default value: the cookie named after the element. */
        public static final Literal INSTANCE = of("");

        private static final long serialVersionUID = 1L;

        private Literal(String value) {
            super(Cookie.class, value);
        }

        /**
         * @param value the wire name, {@code ""} for the element name; never {@code null}
         * @return the annotation instance
         */
        public static Literal of(String value) {
            return new Literal(value);
        }
    }
}
