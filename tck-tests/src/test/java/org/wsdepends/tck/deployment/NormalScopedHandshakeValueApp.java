package org.wsdepends.tck.deployment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Query;

/** The application {@link NormalScopedHandshakeValueTest} deploys. */
public final class NormalScopedHandshakeValueApp {

    private NormalScopedHandshakeValueApp() {
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
}
