package org.wsdepends.examples.chat;

import jakarta.websocket.Session;

/**
 * A member's place in a room for the length of one connection. Its disposer (in
 * {@link ChatDependencies}) announces "left" when the connection ends, however it ends.
 */
public final class Presence {

    private final Rooms rooms;
    private final String room;
    private final User user;
    private volatile Session session;

    Presence(Rooms rooms, String room, User user) {
        this.rooms = rooms;
        this.room = room;
        this.user = user;
    }

    /** Enters the room with this connection. */
    void enter(Session connection, int history) {
        this.session = connection;
        rooms.join(room, user, connection, history);
    }

    void leave() {
        if (session != null) {
            rooms.leave(room, user, session);
        }
    }
}
