package org.wsdepends.examples.benchmark.quarkus;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.HandshakeRequest;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.PathParam;
import io.quarkus.websockets.next.UserData.TypedKey;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

import org.wsdepends.examples.benchmark.app.Db;
import org.wsdepends.examples.benchmark.app.Handshake;

/**
 * The benchmark's raw endpoint on Quarkus WebSockets Next: the handshake values read by hand, the resource kept
 * in the connection's user data (the endpoint is a singleton) and closed in {@code @OnClose}.
 */
@WebSocket(path = "/raw/{room}")
public class RawEcho {

    private static final TypedKey<Db> DB = new TypedKey<>("bench.db");

    @OnOpen
    public String open(WebSocketConnection connection, @PathParam String room) {
        HandshakeRequest request = connection.handshakeRequest();
        String token = Handshake.query(request.query(), "token");
        int limit = Handshake.limit(Handshake.query(request.query(), "limit"));
        String client = request.header("x-client");
        String session = Handshake.cookie(request.headers("cookie"), "session");
        if (token == null || client == null || session == null || limit < 1) {
            connection.closeAndAwait(new CloseReason(1008, "Invalid handshake"));
            return null;
        }
        Db db = Db.open();
        connection.userData().put(DB, db);
        return Db.welcome(db.user(token), room, limit, client, session);
    }

    @OnTextMessage
    public String echo(String text) {
        return text;
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        Db db = connection.userData().remove(DB);
        if (db != null) {
            db.close();
        }
    }
}
