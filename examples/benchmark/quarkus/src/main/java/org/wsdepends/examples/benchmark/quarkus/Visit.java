package org.wsdepends.examples.benchmark.quarkus;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;

import io.quarkus.websockets.next.HandshakeRequest;
import io.quarkus.websockets.next.WebSocketConnection;

import org.wsdepends.examples.benchmark.app.Db;
import org.wsdepends.examples.benchmark.app.Handshake;
import org.wsdepends.examples.benchmark.app.User;

/**
 * What {@code WrappedEcho} receives from wsdepends, the way a Quarkus application has it: a bean per connection
 * ({@code @SessionScoped} is WebSockets Next's connection scope) that reads the handshake values, opens the
 * resource and the user through it, and closes the resource when the connection ends. WebSockets Next binds
 * path parameters only, so the query, header and cookie are read and checked by hand.
 */
@SessionScoped
public class Visit {

    @Inject
    WebSocketConnection connection;

    private int limit;
    private String client;
    private String session;
    private Db db;
    private User user;

    @PostConstruct
    void open() {
        HandshakeRequest request = connection.handshakeRequest();
        String token = Handshake.query(request.query(), "token");
        limit = Handshake.limit(Handshake.query(request.query(), "limit"));
        client = request.header("x-client");
        session = Handshake.cookie(request.headers("cookie"), "session");
        if (token == null || client == null || session == null || limit < 1) {
            throw new InvalidHandshakeException();
        }
        db = Db.open();
        user = db.user(token);
    }

    @PreDestroy
    void close() {
        if (db != null) {
            db.close();
        }
    }

    /** @return the welcome message for the room, from every handshake value */
    String welcome(String room) {
        return Db.welcome(user, room, limit, client, session);
    }

    /** A handshake value is missing or invalid. */
    static final class InvalidHandshakeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidHandshakeException() {
            super("Invalid handshake", null, false, false);
        }
    }
}
