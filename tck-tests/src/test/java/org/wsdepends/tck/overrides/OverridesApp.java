package org.wsdepends.tck.overrides;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Depends;
import org.wsdepends.Query;
import org.wsdepends.WebSocketException;
import org.wsdepends.tck.support.Events;
import org.wsdepends.tck.support.Tracked;

/** The application {@link OverridesTest} deploys: production producers, and a test's CDI alternative for one. */
public final class OverridesApp {

    private OverridesApp() {
    }

    public static final class Db extends Tracked {
        Db() {
            super("production db");
        }
    }

    public record User(String name) {
    }

    @ApplicationScoped
    public static class Production {
        @Produces @Depends
        Db db() {
            return new Db();
        }

        void closeDb(@Disposes @Depends Db db) {
            db.close();
        }

        @Produces @Depends
        User user(@Query("token") String token, @Depends Db db) {
            Events.add("look up user");
            if (!token.equals("t-ann")) {
                throw new WebSocketException(1008, "Invalid token");
            }
            return new User("ann");
        }
    }

    /**
     * What a test adds to the WAR: an alternative enabled for the application (its producers are alternatives too)
     * replaces the production user producer.
     */
    @ApplicationScoped
    @Alternative
    @Priority(Interceptor.Priority.APPLICATION + 10)
    public static class TestOverrides {
        @Produces @Depends
        User stubUser() {
            Events.add("open stub user");
            return new User("stub");
        }

        void closeStubUser(@Disposes @Depends User user) {
            Events.add("close stub user");
        }
    }

    @ServerEndpoint("/user")
    public static class UserEndpoint {
        @Inject @Depends
        User user;

        @OnOpen
        public void open(Session session) throws java.io.IOException {
            session.getBasicRemote().sendText("welcome " + user.name());
        }

        @OnMessage
        public String message(String text, @Depends Db db) {
            return user.name() + " on " + db.name() + ": " + text;
        }
    }
}
