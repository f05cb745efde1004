package org.wsdepends.test.app;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.wsdepends.Depends;
import org.wsdepends.Query;
import org.wsdepends.WebSocketException;

/** The app's dependencies: a database per connection, and the user its token names. */
@ApplicationScoped
public class Dependencies {

    @Inject
    Calls calls;

    @Produces
    @Depends
    Db db() {
        calls.add("db opened");
        Map<String, User> users = Map.of("t-ann", new User("ann"));
        return new Db() {
            @Override
            public Optional<User> user(String token) {
                return Optional.ofNullable(users.get(token));
            }

            @Override
            public String name() {
                return "production";
            }
        };
    }

    void close(@Disposes @Depends Db db) {
        calls.add("db closed");
    }

    @Produces
    @Depends
    User user(@Query("token") String token, @Depends Db db) {
        calls.add("user looked up");
        return db.user(token).orElseThrow(() -> new WebSocketException(1008, "Invalid token"));
    }
}
