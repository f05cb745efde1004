package org.wsdepends.test.app;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Depends;
import org.wsdepends.Path;

/** A chat room: welcomes the user, echoes with the room's name, answers "whoami" with JSON. */
@ServerEndpoint("/rooms/{room}")
public class RoomEndpoint {

    @Inject
    @Path("room")
    String room;

    @Inject
    @Depends
    User user;

    @OnOpen
    public void open(Session session) throws IOException {
        session.getBasicRemote().sendText("welcome " + user.name());
    }

    @OnMessage
    public String message(String text, @Depends Db db) {
        if (text.equals("whoami")) {
            return "{\"name\":\"" + user.name() + "\",\"db\":\"" + db.name() + "\"}";
        }
        return room + ": " + user.name() + " says " + text;
    }
}
