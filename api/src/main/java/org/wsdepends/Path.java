package org.wsdepends;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;

/**
 * Injects a variable of the endpoint's URI template, converted like the other handshake values
 * (FastAPI's {@code Path}).
 *
 * <p>Jakarta's own {@code @jakarta.websocket.server.PathParam("name")} means the same on
 * constructor, initializer, producer and handler parameters; since {@code PathParam} cannot be put
 * on a field, fields use {@code @Path}.
 *
 * <p>The name must be one of the variables of the {@code @ServerEndpoint} path; an unknown name
 * fails the deployment. A path variable is never missing (a URI without it does not match the
 * endpoint), so only conversion and validation errors are possible, reported with
 * {@code loc = ["path", <name>]}. In a {@link Depends} producer that serves several endpoints, the
 * name must exist in every endpoint that uses the producer.
 *
 * <pre>
 * &#64;ServerEndpoint("/rooms/{room}/{page}")
 * public class RoomEndpoint {
 *     &#64;Inject &#64;Path("room") String room;
 *     &#64;Inject &#64;Path &#64;Min(1) int page;         // name taken from the field
 * }
 * </pre>
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Path {

    /**
     * The name of the path template variable. The default, {@code ""}, uses the element name.
     *
     * @return the variable name, or {@code ""} for the element name
     */
    @Nonbinding
    String value() default "";

    /**
     * An instance of {@code @Path}, for programmatic lookups and synthetic beans (CDI's convention,
     * as {@code Named.Literal}).
     */
    final class Literal extends NamedLiteral<Path> implements Path {

        /** {@code @Path} with the default value: the path variable named after the element. */
        public static final Literal INSTANCE = of("");

        private static final long serialVersionUID = 1L;

        private Literal(String value) {
            super(Path.class, value);
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
