package org.wsdepends.tck.reject;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Query;
import org.wsdepends.security.RejectBeforeUpgrade;

/**
 * The application {@link RejectByDefaultTest} deploys, with org.wsdepends.reject=http set for the WAR, next to
 * {@link org.wsdepends.tck.security.OriginsApp}'s {@code /hello}.
 */
public final class RejectByDefaultApp {

    private RejectByDefaultApp() {
    }

    /** A page's endpoint: browsers read no body of a refused upgrade, so it keeps the error frame. */
    @RejectBeforeUpgrade(false)
    @ServerEndpoint("/page")
    public static class PageEndpoint {
        @Inject @Query("name") String name;

        @OnOpen
        public void open(Session session) throws IOException {
            session.getBasicRemote().sendText("page " + name);
        }
    }
}
