package org.wsdepends.tck.security;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Depends;
import org.wsdepends.Query;
import org.wsdepends.security.ApiKey;
import org.wsdepends.security.BasicAuth;
import org.wsdepends.security.BasicCredentials;
import org.wsdepends.security.BearerToken;
import org.wsdepends.security.Identity;
import org.wsdepends.security.NotAuthenticatedException;
import org.wsdepends.tck.support.Events;

/** The application {@link SecurityTest} deploys: credentials as handshake values, an identity producer and roles. */
public final class SecurityApp {

    /** A token that must never be seen in a frame, a close reason or the server log. */
    public static final String MARKER = "tok-7d1f9c2e";

    private SecurityApp() {
    }

    @ApplicationScoped
    public static class Users {
        private static final Map<String, Identity> TOKENS = Map.of(
                MARKER, Identity.of("alice", Set.of("user", "admin")),
                "bob-token", Identity.of("bob", Set.of("user")));

        /** FastAPI's get_current_user: an unknown token is not authenticated; two tokens expire. */
        @Produces @Depends
        Identity user(@BearerToken String token) {
            if (token.equals("short-token")) {
                return Identity.of("eve", Set.of("user")).expiringAt(Instant.now().plusMillis(1500));
            } else if (token.equals("old-token")) {
                return Identity.of("eve", Set.of("user")).expiringAt(Instant.now().minusSeconds(1));
            }
            Identity identity = TOKENS.get(token);
            if (identity == null) {
                throw new NotAuthenticatedException();
            }
            return identity;
        }

        @Produces @Depends
        Lease lease() {
            return new Lease();
        }

        void release(@Disposes @Depends Lease lease) {
            Events.add("lease disposed");
        }
    }

    @ServerEndpoint("/bearer")
    public static class BearerEndpoint {
        @Inject @BearerToken String token;
        @Inject @Query("n") Optional<Integer> n;

        @OnOpen
        public void open(Session session) throws IOException {
            session.getBasicRemote().sendText("token of " + token.length() + " characters");
        }
    }

    @ServerEndpoint("/optional")
    public static class OptionalEndpoint {
        @Inject @BearerToken Optional<String> token;

        @OnOpen
        public void open(Session session) throws IOException {
            session.getBasicRemote().sendText(token.isPresent() ? "with token" : "anonymous");
        }
    }

    @ServerEndpoint("/keys")
    public static class KeysEndpoint {
        @Inject @ApiKey String header;
        @Inject @ApiKey(name = "key", in = ApiKey.In.QUERY) String query;
        @Inject @ApiKey(name = "session", in = ApiKey.In.COOKIE) Optional<String> cookie;
        @Inject @BasicAuth Optional<BasicCredentials> basic;

        @OnOpen
        public void open(Session session) throws IOException {
            session.getBasicRemote().sendText(header + " " + query + " " + cookie.orElse("-") + " "
                    + basic.map(BasicCredentials::username).orElse("-"));
        }
    }

    @ServerEndpoint("/basic")
    public static class BasicEndpoint {
        @Inject @BasicAuth BasicCredentials credentials;

        @OnOpen
        public void open(Session session) throws IOException {
            session.getBasicRemote().sendText(credentials.username() + ":" + credentials.password().length());
        }
    }

    @ServerEndpoint("/admins")
    @RolesAllowed("admin")
    public static class AdminsEndpoint {
        @OnOpen
        public void open(Session session) throws IOException {
            session.getBasicRemote().sendText("admin");
        }

        @OnMessage
        @PermitAll
        public String echo(String text) {
            return text;
        }
    }

    public static final class Lease {
    }

    @ServerEndpoint("/expiring")
    public static class ExpiringEndpoint {
        @Inject @Depends Identity identity;
        @Inject @Depends Lease lease;

        @OnOpen
        public void open(Session session) throws IOException {
            session.getBasicRemote().sendText("hello " + identity.name());
        }
    }

    @ServerEndpoint("/closed")
    @DenyAll
    public static class ClosedEndpoint {
        @OnOpen
        public void open(Session session) throws IOException {
            session.getBasicRemote().sendText("never");
        }
    }
}
