package org.wsdepends.tck.deployment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import org.junit.jupiter.api.Test;
import org.wsdepends.DefaultValue;
import org.wsdepends.Depends;
import org.wsdepends.Path;
import org.wsdepends.Query;
import org.wsdepends.Scope;
import org.wsdepends.embedded.WsDependsServer;

/** Broken deployments fail with every problem listed, each naming the class, member and fix (design §4). */
class DeploymentErrorsTest {

    public record Missing(String value) {
    }

    public record Twice(String value) {
    }

    public record Audit(String value) {
    }

    public record User(Audit audit) {
    }

    public record Ping(String value) {
    }

    public record Pong(String value) {
    }

    /** A type no built-in conversion and no ParamConverter covers. */
    public static final class Unconvertible {
    }

    @ApplicationScoped
    public static class Producers {
        @Produces @Depends
        Twice first() {
            return new Twice("1");
        }

        @Produces @Depends
        Twice second() {
            return new Twice("2");
        }

        @Produces @Depends
        Audit audit() {
            return new Audit("a");
        }

        @Produces @Depends
        User user(@Depends(scope = Scope.MESSAGE) Audit audit) {
            return new User(audit);
        }

        @Produces @Depends
        Ping ping(@Depends Pong pong) {
            return new Ping("ping");
        }

        @Produces @Depends
        Pong pong(@Depends Ping ping) {
            return new Pong("pong");
        }
    }

    @ServerEndpoint("/broken/{room}")
    public static class BrokenEndpoint {
        @Inject @Path("rooom") String room;
        @Inject @Query("when") Unconvertible when;
        @Inject @Query("n") @DefaultValue("many") int n;
        @Inject @Depends Missing missing;
        @Inject @Depends Twice twice;
        @Inject @Depends User user;
        @Inject @Depends Ping ping;
        @Inject @Depends(scope = Scope.MESSAGE) Audit audit;
        @Query("forgot") String notInjected;

        @OnMessage
        public String message(String text) {
            return text;
        }
    }

    /** Shared by all connections, so it cannot hold one connection's handshake value. */
    @ApplicationScoped
    public static class SharedHolder {
        @Inject @Query("token") String token;
    }

    @ServerEndpoint("/fine")
    public static class FineEndpoint {
        @Inject @Query("token") String token;
    }

    @Test
    void handshakeValuesInNormalScopedBeansAreRefused() {
        assertThatThrownBy(() -> WsDependsServer.builder().port(0).endpoints(FineEndpoint.class).beans(SharedHolder.class).start())
                .hasStackTraceContaining(SharedHolder.class.getName() + "#token: @Query in a @ApplicationScoped bean, which all"
                        + " connections share, while handshake values belong to one connection. Fix: inject it into the endpoint"
                        + " or into a @Produces @Depends producer's parameters");
    }

    @Test
    void everyProblemIsReportedWithClassMemberAndFix() {
        String endpoint = BrokenEndpoint.class.getName();
        assertThatThrownBy(() -> WsDependsServer.builder().port(0).endpoints(BrokenEndpoint.class).beans(Producers.class).start())
                .hasStackTraceContaining("field " + endpoint + ".room: path variable \"rooom\" is not in the path \"/broken/{room}\"")
                .hasStackTraceContaining("Fix: use one of those names or add {rooom} to the @ServerEndpoint path")
                .hasStackTraceContaining("field " + endpoint + ".when: no conversion from a handshake string to "
                        + Unconvertible.class.getName())
                .hasStackTraceContaining("add a bean implementing ParamConverter<Unconvertible>")
                .hasStackTraceContaining("field " + endpoint + ".n: @DefaultValue(\"many\") is not a valid value")
                .hasStackTraceContaining("field " + endpoint + ".missing: no @Produces @Depends producer of "
                        + Missing.class.getName() + ". Fix: add a method `@Produces @Depends Missing name(...)`")
                .hasStackTraceContaining("field " + endpoint + ".twice: 2 @Produces @Depends producers of " + Twice.class.getName()
                        + " match: " + Producers.class.getName() + "#first, " + Producers.class.getName() + "#second")
                .hasStackTraceContaining("The dependency \"user\" has a scope of \"connection\", it cannot depend on dependencies"
                        + " with scope \"message\".")
                .hasStackTraceContaining("parameter audit of " + Producers.class.getName() + "#user(Audit)")
                .hasStackTraceContaining("dependency cycle " + Producers.class.getName() + "#ping -> " + Producers.class.getName()
                        + "#pong -> " + Producers.class.getName() + "#ping")
                .hasStackTraceContaining("field " + endpoint + ".audit: @Depends(scope = MESSAGE) is only allowed on @OnMessage"
                        + " and @OnError parameters")
                .hasStackTraceContaining("field " + endpoint + ".notInjected: has a wsdepends qualifier but no @Inject")
                .hasStackTraceContaining("wsdepends found 9 problems in this deployment");
    }
}
