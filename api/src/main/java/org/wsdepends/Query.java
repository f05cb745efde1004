package org.wsdepends;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;

/**
 * Injects a query parameter of the WebSocket handshake URI.
 *
 * <p>The raw query string is split on {@code &}, each name and value is percent-decoded as UTF-8
 * ({@code +} is a space), and the values of the named parameter are converted to the type of the
 * injection point (strings, primitives and their boxes, {@code BigDecimal}, {@code BigInteger}, enums by name, {@code UUID}, ISO-8601 {@code Instant}, {@code LocalDate}, {@code LocalDateTime} and {@code Duration}, and whatever a {@link org.wsdepends.spi.ParamConverter} bean converts). A repeated name binds to a
 * {@code List<T>} or {@code Set<T>}; a scalar injection point takes the last value, as FastAPI (Starlette) does.
 *
 * <p>When it is evaluated: once per connection, when the connection opens and before the endpoint
 * instance exists, wherever it is injected: fields, constructor and initializer parameters, the
 * parameters of every handler method ({@code @OnOpen}, {@code @OnMessage}, {@code @OnError},
 * {@code @OnClose}) and of the {@link Depends} producers they use. A bad value therefore fails the
 * handshake, not a message. A message-scoped producer that takes it reads the same handshake again
 * for each message it is created for.
 *
 * <p>Nullability: never {@code null}. A parameter is required unless it is an {@code Optional},
 * a collection (absent gives an empty one) or has a {@link DefaultValue}. A missing required
 * parameter or a value that does not convert is reported as a {@link ValidationError} (type
 * {@code missing}, {@code int_parsing}, ...), all such problems of a connection together, and the
 * connection is closed with 1008 unless an exception handler decides otherwise.
 *
 * <pre>
 * &#64;ServerEndpoint("/feed")
 * public class FeedEndpoint {
 *     &#64;Inject &#64;Query("token") String token;                 // ?token=abc, required
 *     &#64;Inject &#64;Query &#64;DefaultValue("20") &#64;Max(100) int limit; // name taken from the field
 *     &#64;Inject &#64;Query("tag") List&lt;String&gt; tags;              // ?tag=a&amp;tag=b
 * }
 * </pre>
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Query {

    /**
     * The name of the query parameter as it appears on the wire. The default, {@code ""}, uses the
     * name of the field or parameter (parameter names need {@code javac -parameters}).
     *
     * @return the wire name, or {@code ""} for the element name
     */
    @Nonbinding
    String value() default "";

    /**
     * An instance of {@code @Query}, for programmatic lookups and synthetic beans (CDI's convention,
     * as {@code Named.Literal}).
     */
    final class Literal extends NamedLiteral<Query> implements Query {

        /** {@code @Query} with the default value: the query parameter named after the element. */
        public static final Literal INSTANCE = of("");

        private static final long serialVersionUID = 1L;

        private Literal(String value) {
            super(Query.class, value);
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
