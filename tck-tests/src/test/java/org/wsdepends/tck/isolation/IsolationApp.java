package org.wsdepends.tck.isolation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Cookie;
import org.wsdepends.Depends;
import org.wsdepends.Header;
import org.wsdepends.Path;
import org.wsdepends.Query;

/** The application {@link IsolationTest} deploys. */
public final class IsolationApp {

    private IsolationApp() {
    }

    public record Caller(String token) {
    }

    @ApplicationScoped
    public static class Callers {
        @Produces @Depends
        Caller caller(@Query("token") String token) {
            Thread.yield();
            return new Caller(token);
        }
    }

    @ServerEndpoint("/whoami/{n}")
    public static class WhoAmIEndpoint {
        @Inject @Path("n") int n;
        @Inject @Query("token") String token;
        @Inject @Header("x-token") String header;
        @Inject @Cookie("c") String cookie;
        @Inject @Depends Caller caller;

        @OnOpen
        public void open(Session session) throws java.io.IOException {
            session.getBasicRemote().sendText(String.join(" ", String.valueOf(n), token, header, cookie, caller.token()));
        }
    }
}
