package org.wsdepends.examples.chat;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.wsdepends.Depends;
import org.wsdepends.Path;
import org.wsdepends.Query;
import org.wsdepends.Scope;
import org.wsdepends.WebSocketException;
import org.wsdepends.security.BearerToken;
import org.wsdepends.security.Identity;

/**
 * The chat's dependencies, FastAPI style: the identity from the bearer token, the presence in the room (whose
 * cleanup announces "left"), and a per-message rate limit.
 */
@ApplicationScoped
public class ChatDependencies {

    /** Demo tokens of members; set {@code -Dchat.tokens=a,b} to change them. */
    static final Set<String> TOKENS = Set.of(System.getProperty("chat.tokens", "letmein").split(","));
    /** Demo tokens of admins, who may also kick; set {@code -Dchat.admin-tokens=a,b} to change them. */
    static final Set<String> ADMIN_TOKENS = Set.of(System.getProperty("chat.admin-tokens", "letmein-admin").split(","));

    @Inject
    Rooms rooms;

    /**
     * Who is connecting (FastAPI's {@code get_current_user}): the name the client chose, 1 to 20 letters, digits,
     * spaces, {@code _} or {@code -}, admitted by a valid bearer token (the page sends it as the subprotocol
     * {@code bearer, <token>}); an admin's token adds the role "admin".
     */
    @Produces @Depends
    Identity identity(@BearerToken String token,
            @Query("name") @Size(min = 1, max = 20) @Pattern(regexp = "[\\p{L}\\p{N} _-]+") String name) {
        if (ADMIN_TOKENS.contains(token)) {
            return Identity.of(name.strip(), Set.of("member", "admin"));
        } else if (TOKENS.contains(token)) {
            return Identity.of(name.strip(), Set.of("member"));
        }
        throw new WebSocketException(1008, "Invalid token");
    }

    @Produces @Depends
    User user(@Depends Identity identity) {
        return new User(identity.name());
    }

    @Produces @Depends
    Presence presence(@Path("room") String room, @Depends User user) {
        return new Presence(rooms, room, user);
    }

    void announceLeft(@Disposes @Depends Presence presence) {
        presence.leave();
    }

    @Produces @Depends
    MessageBudget budget() {
        return new MessageBudget();
    }

    @Produces @Depends
    RateLimit rateLimit(@Depends(scope = Scope.CONNECTION) MessageBudget budget) {
        long now = System.currentTimeMillis();
        budget.take(now);
        return new RateLimit(now);
    }
}
