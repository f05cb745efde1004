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

/**
 * The chat's dependencies, FastAPI style: the user from the token, the presence in the room (whose
 * cleanup announces "left"), and a per-message rate limit.
 */
@ApplicationScoped
public class ChatDependencies {

    /** Demo tokens; set {@code -Dchat.tokens=a,b} to change them. */
    static final Set<String> TOKENS = Set.of(System.getProperty("chat.tokens", "letmein").split(","));

    @Inject
    Rooms rooms;

    /** The user: a name of 1 to 20 letters, digits, spaces, {@code _} or {@code -}, and a valid token. */
    @Produces @Depends
    User user(@Query("token") String token,
            @Query("name") @Size(min = 1, max = 20) @Pattern(regexp = "[\\p{L}\\p{N} _-]+") String name) {
        if (!TOKENS.contains(token)) {
            throw new WebSocketException(1008, "Invalid token");
        }
        return new User(name.strip());
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
