package org.wsdepends.tck.security;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Query;

/** The application {@link AllowedOriginsTest} deploys, with org.wsdepends.allowed-origins set. */
public final class OriginsApp {

    private OriginsApp() {
    }

    @ServerEndpoint("/hello")
    public static class HelloEndpoint {
        @Inject @Query("name") String name;

        @OnOpen
        public void open(Session session) throws IOException {
            session.getBasicRemote().sendText("hello " + name);
        }
    }
}
