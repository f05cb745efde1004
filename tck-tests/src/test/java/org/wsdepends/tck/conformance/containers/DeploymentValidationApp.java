package org.wsdepends.tck.conformance.containers;

import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Query;

/** The application {@link DeploymentValidationTest} deploys: a wrapped endpoint with an injection point nothing satisfies. */
public final class DeploymentValidationApp {

    private DeploymentValidationApp() {
    }

    /** No bean has this type. */
    public interface Unavailable {
    }

    @ServerEndpoint("/unsatisfied")
    public static class UnsatisfiedEndpoint {
        @Inject @Query("q") String q;
        @Inject Unavailable unavailable;

        @OnMessage
        public String echo(String text) {
            return text;
        }
    }
}
