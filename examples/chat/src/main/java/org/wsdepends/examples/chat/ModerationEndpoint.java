package org.wsdepends.examples.chat;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Path;

/**
 * A room's moderation: {@code ws://host/chat/{room}/moderation?name=alice}, with the same bearer token as the room.
 * The page sends the name of {@code /kick <name>} here. Members may connect; each command is checked for the role
 * "admin", and anyone else gets {@code {"detail":"Forbidden"}} and stays connected. It is an endpoint of its own
 * because Jakarta WebSocket gives an endpoint one text message handler, and the room's takes chat messages.
 */
@ServerEndpoint("/chat/{room}/moderation")
@RolesAllowed("member")
public class ModerationEndpoint {

    @Inject @Path("room") String room;
    @Inject Rooms rooms;

    @OnMessage
    @RolesAllowed("admin")
    public void kick(String name) {
        rooms.kick(room, name.strip());
    }
}
