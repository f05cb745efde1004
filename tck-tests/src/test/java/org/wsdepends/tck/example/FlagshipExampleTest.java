package org.wsdepends.tck.example;

import static org.assertj.core.api.Assertions.assertThat;

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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wsdepends.DefaultValue;
import org.wsdepends.Depends;
import org.wsdepends.Header;
import org.wsdepends.Path;
import org.wsdepends.Query;
import org.wsdepends.WebSocketException;
import org.wsdepends.embedded.WsDependsServer;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.Recorder;

/** The example of design §2, end to end: what a client sees and what cleanup ran. */
class FlagshipExampleTest {

    static final Recorder EVENTS = new Recorder();
    static WsDependsServer server;

    @ServerEndpoint("/rooms/{room}")
    public static class ChatEndpoint {
        @Inject @Path("room") String room;
        @Inject @Query("token") String token;
        @Inject @Query @DefaultValue("20") @Min(1) @Max(100) int history;
        @Inject @Header("x-client") Optional<String> client;
        @Inject @Depends User user;

        @PostConstruct
        void created() {
            EVENTS.add("endpoint created");
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
            EVENTS.add("audit " + user.name() + " " + text);
        }
    }

    @ApplicationScoped
    public static class Dependencies {
        @Produces @Depends
        Db db() {
            EVENTS.add("db open");
            return new Db();
        }

        void close(@Disposes @Depends Db db) {
            EVENTS.add("db close");
        }

        @Produces @Depends
        User user(@Query("token") String token, @Depends Db db) {
            return db.user(token).orElseThrow(() -> new WebSocketException(1008, "Invalid token"));
        }

        @Produces @Depends
        Audit audit() {
            EVENTS.add("audit open");
            return new Audit();
        }

        void closeAudit(@Disposes @Depends Audit audit) {
            EVENTS.add("audit close");
        }
    }

    @BeforeAll
    static void start() {
        server = WsDependsServer.builder().port(0).endpoints(ChatEndpoint.class).beans(Dependencies.class).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void clear() {
        EVENTS.clear();
    }

    @Test
    void messagesUseHandshakeValuesAndDependencies() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/rooms/lobby?token=t1&history=5"),
                Map.of("X-Client", "cli"), java.util.List.of())) {
            client.sendText("hello");
            assertThat(client.nextText()).isEqualTo("lobby: hello (alice, history 5, client cli)");
            client.sendText("again");
            assertThat(client.nextText()).isEqualTo("lobby: again (alice, history 5, client cli)");
        }
        assertThat(EVENTS.awaitEvent("db close")).containsExactly(
                "db open", "endpoint created",
                "audit open", "audit alice hello", "audit close",
                "audit open", "audit alice again", "audit close",
                "db close");
    }

    @Test
    void missingTokenClosesWith1008AndTheExactReason() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/rooms/lobby"))) {
            assertThat(client.nextText()).isEqualTo(
                    "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"query\",\"token\"],\"msg\":\"Field required\",\"input\":null}]}");
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(closed.reason())
                    .isEqualTo("[{\"type\":\"missing\",\"loc\":[\"query\",\"token\"],\"msg\":\"Field required\",\"input\":null}]");
        }
        // sub-dependencies resolve before the dependant's own values (FastAPI's order), so the Db
        // was opened before the missing token was found, and is cleaned up: nothing leaks
        assertThat(EVENTS.awaitEvent("db close")).containsExactly("db open", "db close");
    }

    @Test
    void invalidTokenClosesWithTheProducersCodeAfterCleanup() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/rooms/lobby?token=nope"))) {
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(closed.reason()).isEqualTo("Invalid token");
        }
        assertThat(EVENTS.awaitEvent("db close")).containsExactly("db open", "db close");
    }

    @Test
    void historyOutOfRangeIsReportedWithPydanticWording() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/rooms/lobby?token=t1&history=500"))) {
            assertThat(client.nextText()).isEqualTo("{\"detail\":[{\"type\":\"less_than_equal\",\"loc\":[\"query\",\"history\"],"
                    + "\"msg\":\"Input should be less than or equal to 100\",\"input\":\"500\",\"ctx\":{\"le\":100}}]}");
            assertThat(client.nextClose().code()).isEqualTo(1008);
        }
        assertThat(EVENTS.awaitEvent("db close")).containsExactly("db open", "db close");
    }
}
