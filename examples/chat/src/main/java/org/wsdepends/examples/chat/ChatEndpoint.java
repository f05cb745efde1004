package org.wsdepends.examples.chat;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.DefaultValue;
import org.wsdepends.Depends;
import org.wsdepends.Path;
import org.wsdepends.Query;

/**
 * A chat room: {@code ws://host/chat/{room}?name=alice&history=20}, with the subprotocols {@code bearer, letmein}
 * (or the header {@code Authorization: Bearer letmein}). Clients send
 * {@code {"text":"..."}}; everyone in the room receives the message, and sees who joins and leaves.
 */
@ServerEndpoint("/chat/{room}")
public class ChatEndpoint {

    @Inject @Path("room") String room;
    @Inject @Query @DefaultValue("20") @Min(0) @Max(100) int history;
    @Inject @Depends User user;
    @Inject @Depends Presence presence;
    @Inject Rooms rooms;

    @OnOpen
    public void open(Session session) {
        presence.enter(session, history);
    }

    @OnMessage
    public void message(@Valid ChatMessage message, @Depends RateLimit limit) {
        rooms.say(room, user, message.text.strip());
    }
}
