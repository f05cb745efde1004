package org.wsdepends.security;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Who is connecting: FastAPI's {@code get_current_user}. Provide it with a producer
 * ({@code @Produces @Depends Identity user(@BearerToken String token)}); {@code @RolesAllowed},
 * {@code @PermitAll} and {@code @DenyAll} on the endpoint class (checked at the handshake) and on
 * {@code @OnMessage} methods (checked for every message) read its roles.
 */
public interface Identity {

    /** @return the name, never {@code null} */
    String name();

    /** @return the roles, never {@code null} */
    Set<String> roles();

    /** @return when the credentials behind it expire; empty if they do not */
    default Optional<Instant> expiresAt() {
        return Optional.empty();
    }

    /**
     * @param name  the name
     * @param roles the roles
     * @return an identity that does not expire
     */
    static Identity of(String name, Set<String> roles) {
        return new Simple(name, Set.copyOf(roles), null);
    }

    /**
     * @param instant when it expires; the connection is closed with 1008 {@code Token expired} then
     * @return the same name and roles, expiring then
     */
    default Identity expiringAt(Instant instant) {
        return new Simple(name(), roles(), instant);
    }

    /** The identity {@link #of} makes. */
    record Simple(String name, Set<String> roles, Instant expiry) implements Identity {
        @Override
        public Optional<Instant> expiresAt() {
            return Optional.ofNullable(expiry);
        }
    }
}
