package org.wsdepends;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;

/**
 * Injects a request header of the WebSocket handshake.
 *
 * <p>Header names are matched case-insensitively. Without an explicit name, the element name is
 * turned into kebab-case: {@code xClient} and {@code x_client} both read {@code x-client}. A header
 * sent several times, or one whose value is a comma-separated list, binds to {@code List<T>} or
 * {@code Set<T>} element by element; a scalar injection point takes the whole first header line.
 *
 * <p>When it is evaluated, nullability and failures: as for {@link Query}; errors carry
 * {@code loc = ["header", <name>]}.
 *
 * <pre>
 * &#64;ServerEndpoint("/chat")
 * public class ChatEndpoint {
 *     &#64;Inject &#64;Header("x-client") Optional&lt;String&gt; client;
 *     &#64;Inject &#64;Header int xApiVersion;   // reads the header "x-api-version", required
 * }
 * </pre>
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Header {

    /**
     * The header name, matched case-insensitively. The default, {@code ""}, uses the element name in
     * kebab-case.
     *
     * @return the header name, or {@code ""} for the element name
     */
    @Nonbinding
    String value() default "";

    /**
     * An instance of {@code @Header}, for programmatic lookups and synthetic beans (CDI's convention,
     * as {@code Named.Literal}).
     */
    final class Literal extends NamedLiteral<Header> implements Header {

        /** {@code @Header} with the default value: the header named after the element. */
        public static final Literal INSTANCE = of("");

        private static final long serialVersionUID = 1L;

        private Literal(String value) {
            super(Header.class, value);
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
