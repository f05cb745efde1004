package org.wsdepends.tck.header;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Header;

/** The application {@link HeaderBindingTest} deploys. */
public final class HeaderApp {

    private HeaderApp() {
    }

    @ServerEndpoint("/headers")
    public static class HeadersEndpoint {
        @Inject @Header String xToken;
        @Inject @Header("X-Api-Version") int version;
        @Inject @Header("x-tags") List<String> tags;
        @Inject @Header Optional<String> xClient;

        @OnOpen
        public void open(Session session) throws java.io.IOException {
            session.getBasicRemote().sendText(xToken + " " + version + " " + tags + " " + xClient.orElse("none"));
        }
    }
}
