package org.wsdepends.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static member of a {@link WsDependsTest} class that replaces a {@code @Produces @Depends} producer for
 * the class's server, FastAPI's {@code app.dependency_overrides[get_db] = override_get_db}:
 * <ul>
 * <li>a static method without parameters: called for every instance the producer would have made; it replaces
 * the producers of its return type (its exact class);</li>
 * <li>a static field: read for every such instance; it replaces the producers of its type;</li>
 * <li>a static {@code void} method whose one parameter is annotated {@code @jakarta.enterprise.inject.Disposes}:
 * the disposer of the replacement of that parameter's type, run where the original disposer would have run.</li>
 * </ul>
 * A qualifier annotation on the member (for a disposer: on its parameter) selects among qualified producers of the
 * type, as {@link org.wsdepends.embedded.WsDependsServer.Builder#override} says; the original producers, their
 * disposers and their sub-dependencies no longer run.
 *
 * <pre>{@code
 * @DependencyOverride
 * static Db db() {
 *     return new FakeDb();
 * }
 *
 * @DependencyOverride
 * static void close(@Disposes Db db) {
 *     CLEANUPS.add("db closed");
 * }
 * }</pre>
 *
 * A member that does not fit these shapes, or an override of a type no producer makes, fails the test class
 * before its first test with a message naming the member or the type.
 */
@Target({ElementType.METHOD, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DependencyOverride {
}
