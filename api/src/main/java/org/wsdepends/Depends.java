package org.wsdepends;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;

/**
 * A dependency in FastAPI's sense: a value made for a connection (or a message) by a producer, and
 * cleaned up by its disposer when that connection (or message) ends.
 *
 * <p>Three uses:
 * <ul>
 * <li><b>On a producer method or field</b> ({@code @Produces @Depends}): declares a dependency. Its
 * parameters may themselves be {@link Query}, {@link Header}, {@link Cookie}, {@link Path} values,
 * other {@code @Depends} dependencies or any CDI bean. A {@code @Disposes @Depends} method of the same
 * bean is its cleanup ("the code after {@code yield}").</li>
 * <li><b>On an injection point</b> of a wrapped endpoint (field, constructor, initializer,
 * {@code @OnOpen}/{@code @OnClose}/{@code @OnMessage}/{@code @OnError} parameter) or of a producer
 * parameter: inject that dependency.</li>
 * <li><b>On an endpoint class or a {@code package-info.java}</b>, with {@link #value()}: run the
 * dependency of that type for its side effects before the endpoint is created (FastAPI's
 * {@code dependencies=[...]}; the package is the router level). Package dependencies run before class
 * dependencies, which run before the endpoint's own injection points.</li>
 * </ul>
 *
 * <p>Caching: within one scope instance (a connection, or one message) a dependency is produced once,
 * however many injection points ask for it; {@code cached = false} gives that injection point its
 * own instance. Cleanup runs last-created first, exactly once per instance; message-scoped cleanups
 * run before the connection's. A disposer that throws is logged and the other disposers still run.
 *
 * <p>Failures: a missing producer, an ambiguous one, a cycle, or a connection-scoped dependency
 * that needs a message-scoped one fail the deployment with a message naming the class and member. An
 * exception thrown by a producer at runtime disposes everything created so far for that scope and is
 * then handled like any exception of the endpoint (a {@link WebSocketException} closes with its code).
 *
 * <pre>
 * &#64;ApplicationScoped
 * public class Dependencies {
 *     &#64;Produces &#64;Depends
 *     Db db() { return Db.open(); }
 *     void close(&#64;Disposes &#64;Depends Db db) { db.close(); }
 *
 *     &#64;Produces &#64;Depends
 *     User user(&#64;Query("token") String token, &#64;Depends Db db) { return db.user(token); }
 * }
 *
 * &#64;ServerEndpoint("/ws")
 * &#64;Depends(AuditTrail.class)                        // run before the endpoint is created
 * public class Endpoint {
 *     &#64;Inject &#64;Depends User user;                   // once per connection
 *     &#64;OnMessage
 *     public String echo(String text, &#64;Depends(cached = false) Audit audit) { ... }   // per message
 * }
 * </pre>
 */
@Qualifier
@Documented
@Repeatable(Depends.List.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface Depends {

    /**
     * Whether this injection point shares the instance already made in its scope instance
     * ({@code true}, FastAPI's {@code use_cache}) or gets a new one of its own ({@code false}). Only
     * meaningful on injection points.
     *
     * @return {@code true} to share the cached instance
     */
    @Nonbinding
    boolean cached() default true;

    /**
     * The scope the dependency is resolved in at this injection point. Only meaningful on injection
     * points and class or package declarations.
     *
     * @return the scope, {@link Scope#AUTO} for the scope of the place
     */
    @Nonbinding
    Scope scope() default Scope.AUTO;

    /**
     * The type of the dependency to run, for class and package declarations. Ignored elsewhere.
     *
     * @return the dependency type, {@code void.class} when not used
     */
    @Nonbinding
    Class<?> value() default void.class;

    /**
     * Several {@code @Depends} on one class or package, run in declaration order.
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.PACKAGE})
    @interface List {

        /**
         * The declarations, in the order they run.
         *
         * @return the declarations
         */
        Depends[] value();
    }

    /**
     * An instance of {@code @Depends}, for programmatic lookups and synthetic beans (CDI's convention,
     * as {@code Named.Literal}).
     */
    final class Literal extends AnnotationLiteral<Depends> implements Depends {

        /** {@code @Depends} with its defaults: cached, {@link Scope#AUTO}, no declared type. */
        public static final Literal INSTANCE = new Literal(true, Scope.AUTO, void.class);

        private static final long serialVersionUID = 1L;

        private final boolean cached;
        private final Scope scope;
        private final Class<?> value;

        private Literal(boolean cached, Scope scope, Class<?> value) {
            this.cached = cached;
            this.scope = scope;
            this.value = value;
        }

        /**
         * @param cached whether the scope's instance is shared
         * @param scope  the scope, never {@code null}
         * @param value  the dependency type for class and package declarations, {@code void.class} otherwise
         * @return the annotation instance
         */
        public static Literal of(boolean cached, Scope scope, Class<?> value) {
            return new Literal(cached, scope, value);
        }

        @Override
        public boolean cached() {
            return cached;
        }

        @Override
        public Scope scope() {
            return scope;
        }

        @Override
        public Class<?> value() {
            return value;
        }
    }
}
