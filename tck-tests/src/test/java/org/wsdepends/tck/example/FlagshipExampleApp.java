package org.wsdepends.tck.example;

import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.DefaultValue;
import org.wsdepends.Depends;
import org.wsdepends.Header;
import org.wsdepends.Path;
import org.wsdepends.Query;
import org.wsdepends.WebSocketException;
import org.wsdepends.tck.support.Events;

/** The application {@link FlagshipExampleTest} deploys. */
public final class FlagshipExampleApp {

    private FlagshipExampleApp() {
    }

    @ServerEndpoint("/rooms/{room}")
    public static class ChatEndpoint {
        @Inject @Path("room") String room;
        @Inject @Query("token") String token;
        @Inject @Query @DefaultValue("20") @Min(1) @Max(100) int history;
        @Inject @Header("x-client") Optional<String> client;
        @Inject @Depends User user;

        @PostConstruct
        void created() {
            Events.add("endpoint created");
        }

        @OnMessage
        public String onMessage(String text, @Depends Audit audit) {
            audit.log(user, text);
            return room + ": " + text + " (" + user.name() + ", history " + history + ", client " + client.orElse("-") + ")";
        }
    }

    public record User(String name) {
    }

    public static final class Db {
        private final Map<String, String> users = Map.of("t1", "alice", "t2", "bob");
        Optional<User> user(String token) {
            return Optional.ofNullable(users.get(token)).map(User::new);
        }
    }

    public static final class Audit {
        void log(User user, String text) {
            Events.add("audit " + user.name() + " " + text);
        }
    }

    @ApplicationScoped
    public static class Dependencies {
        @Produces @Depends
        Db db() {
            Events.add("db open");
            return new Db();
        }

        void close(@Disposes @Depends Db db) {
            Events.add("db close");
        }

        @Produces @Depends
        User user(@Query("token") String token, @Depends Db db) {
            return db.user(token).orElseThrow(() -> new WebSocketException(1008, "Invalid token"));
        }

        @Produces @Depends
        Audit audit() {
            Events.add("audit open");
            return new Audit();
        }

        void closeAudit(@Disposes @Depends Audit audit) {
            Events.add("audit close");
        }
    }
}
