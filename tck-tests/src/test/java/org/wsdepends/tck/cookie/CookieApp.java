package org.wsdepends.tck.cookie;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Cookie;

/** The application {@link CookieBindingTest} deploys. */
public final class CookieApp {

    private CookieApp() {
    }

    @ServerEndpoint("/cookies")
    public static class CookiesEndpoint {
        @Inject @Cookie("session") String session;
        @Inject @Cookie int visits;
        @Inject @Cookie("theme") Optional<String> theme;

        @OnOpen
        public void open(Session connection) throws java.io.IOException {
            connection.getBasicRemote().sendText(session + " " + visits + " " + theme.orElse("default"));
        }
    }
}
