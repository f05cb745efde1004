package org.wsdepends.examples.benchmark.app;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Min;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Cookie;
import org.wsdepends.DefaultValue;
import org.wsdepends.Depends;
import org.wsdepends.Header;
import org.wsdepends.Query;

/**
 * The benchmark's endpoint written with wsdepends: five handshake values (the room, the token the
 * user producer reads, a limit with {@code @Min}, a header and a cookie) and two dependencies, one
 * with a disposer. {@link RawEcho} does the same work by hand.
 */
@ServerEndpoint("/wrapped/{room}")
public class WrappedEcho {

    @Inject @Query @DefaultValue("20") @Min(1) int limit;
    @Inject @Header("x-client") String client;
    @Inject @Cookie("session") String session;
    @Inject @Depends Db db;
    @Inject @Depends User user;

    @OnOpen
    public void open(Session connection, @PathParam("room") String room) throws IOException {
        connection.getBasicRemote().sendText(Db.welcome(user, room, limit, client, session));
    }

    @OnMessage
    public String echo(String text) {
        return text;
    }
}
