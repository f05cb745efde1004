package org.wsdepends.tck.deployment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.DefaultValue;
import org.wsdepends.Depends;
import org.wsdepends.Path;
import org.wsdepends.Query;
import org.wsdepends.Scope;

/** The application {@link DeploymentErrorsTest} deploys. */
public final class DeploymentErrorsApp {

    private DeploymentErrorsApp() {
    }

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
}
