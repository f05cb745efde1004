package org.wsdepends.tck.reject;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Min;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Depends;
import org.wsdepends.Path;
import org.wsdepends.Query;
import org.wsdepends.WebSocketException;
import org.wsdepends.security.ApiKey;
import org.wsdepends.security.BasicAuth;
import org.wsdepends.security.BasicCredentials;
import org.wsdepends.security.BearerToken;
import org.wsdepends.security.Identity;
import org.wsdepends.security.NotAuthenticatedException;
import org.wsdepends.security.RejectBeforeUpgrade;
import org.wsdepends.tck.support.Events;

/**
 * The application {@link RejectTest} deploys: endpoints that reject before the upgrade, next to one in the default
 * mode, with a dependency that records when it is created and disposed.
 */
public final class RejectApp {

    private RejectApp() {
    }

    /** A connection dependency with cleanup; its number tells instances apart. */
    public record Lease(int number) {
    }

    @ApplicationScoped
    public static class Dependencies {
        private final AtomicInteger leases = new AtomicInteger();

        @Produces @Depends
        Lease lease() {
            Lease lease = new Lease(leases.incrementAndGet());
            Events.add("lease " + lease.number() + " created");
            return lease;
        }

        void release(@Disposes @Depends Lease lease) {
            Events.add("lease " + lease.number() + " disposed");
        }

        /** Created after the lease; fails as the query parameter {@code fail} asks. */
        @Produces @Depends
        Gate gate(@Depends Lease lease, @Query("fail") Optional<String> fail) {
            switch (fail.orElse("")) {
                case "policy" -> throw new WebSocketException(1008, "Closed for \"maintenance\"");
                case "busy" -> throw new WebSocketException(1013, "Too many rooms");
                case "bug" -> throw new IllegalStateException("a bug with a secret inside");
                default -> {
                    return new Gate();
                }
            }
        }

        @Produces @Depends
        Identity identity(@BearerToken Optional<String> token, @BasicAuth Optional<BasicCredentials> basic,
                @ApiKey(name = "X-API-Key") Optional<String> key) {
            String who = token.or(() -> key).or(() -> basic.map(BasicCredentials::username))
                    .orElseThrow(NotAuthenticatedException::new);
            return switch (who) {
                case "admin-token" -> Identity.of("ann", Set.of("admin"));
                case "user-token" -> Identity.of("bob", Set.of("user"));
                default -> throw new NotAuthenticatedException();
            };
        }
    }

    /** What {@code gate} produces. */
    public static class Gate {
    }

    @RejectBeforeUpgrade
    @ServerEndpoint("/items/{id}")
    public static class ItemEndpoint {
        @Inject @Path("id") @Min(1) int id;
        @Inject @Query("q") String q;
        @Inject @Depends Lease lease;
        @Inject @Depends Gate gate;

        @PostConstruct
        void created() {
            Events.add("item endpoint created");
        }

        @OnOpen
        public void open(Session session) throws IOException {
            session.getBasicRemote().sendText("item " + id + " " + q + " with lease " + lease.number());
        }
    }

    @RejectBeforeUpgrade
    @RolesAllowed("admin")
    @ServerEndpoint("/admin")
    public static class AdminEndpoint {
        @Inject @Depends Identity identity;
        @Inject @Depends Lease lease;

        @PostConstruct
        void created() {
            Events.add("admin endpoint created");
        }

        @OnOpen
        public void open(Session session) throws IOException {
            session.getBasicRemote().sendText("hello " + identity.name());
        }
    }

    /** The same values in the default mode: accepted, error frame, close 1008. */
    @ServerEndpoint("/default/{id}")
    public static class DefaultModeEndpoint {
        @Inject @Path("id") @Min(1) int id;
        @Inject @Query("q") String q;

        @OnOpen
        public void open(Session session) throws IOException {
            session.getBasicRemote().sendText("default " + id + " " + q);
        }
    }

    /** A literal path next to a template: Jakarta WebSocket gives {@code /items/all} to this one. */
    @ServerEndpoint("/items/all")
    public static class AllItemsEndpoint {
        @Inject @Query("q") String q;

        @OnOpen
        public void open(Session session) throws IOException {
            session.getBasicRemote().sendText("all " + q);
        }
    }

}
