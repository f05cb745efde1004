package org.wsdepends.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tests wsdepends endpoints on an embedded server, FastAPI's {@code TestClient(app)}: before the first test of the
 * class a {@link org.wsdepends.embedded.WsDependsServer} starts on a free loopback port with these endpoint and bean
 * classes, and the {@link DependencyOverride} members of the class; after the last it stops. Test methods,
 * constructors and lifecycle methods may declare parameters of type {@code WsDependsServer} and
 * {@link org.wsdepends.embedded.WsTestClient}; fields of those types that are {@code null} are set.
 *
 * <pre>{@code
 * @WsDependsTest(endpoints = ChatEndpoint.class, beans = Dependencies.class)
 * class ChatEndpointTest {
 *     @Test
 *     void welcomes(WsTestClient client) {
 *         client.connect("/rooms/a?token=t").expectText("welcome").send("hi").expectText("a: hi");
 *     }
 * }
 * }</pre>
 *
 * <p>Each test gets its own client (a parameter, or the field of its test instance); the connections it opened are
 * closed after the test. Every test class has its own server (and CDI container), so classes may run in parallel;
 * a {@code @Nested} class without this annotation uses its enclosing class's server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(WsDependsTestExtension.class)
public @interface WsDependsTest {

    /** @return the {@code @ServerEndpoint} classes to deploy */
    Class<?>[] endpoints() default {};

    /** @return the CDI bean classes to deploy: producers, services, {@code ExceptionHandler}s... */
    Class<?>[] beans() default {};
}
