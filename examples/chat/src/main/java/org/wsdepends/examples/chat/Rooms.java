package org.wsdepends.examples.chat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

/**
 * The rooms: who is in each, and the last messages. Events go to clients as JSON objects with a
 * {@code type}: {@code history}, {@code presence}, {@code joined}, {@code left}, {@code kicked}, {@code message},
 * and {@code error} to one member.
 */
@ApplicationScoped
public class Rooms {

    private static final int KEPT_MESSAGES = 100;

    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private final Jsonb json = JsonbBuilder.create();

    /** Adds a member and tells the others. */
    void join(String room, User user, Session session, int history) {
        Room joined = rooms.computeIfAbsent(room, name -> new Room());
        List<Map<String, Object>> recent;
        synchronized (joined) {
            joined.members.put(session, user);
            List<Map<String, Object>> all = new ArrayList<>(joined.messages);
            recent = all.subList(Math.max(0, all.size() - history), all.size());
        }
        send(session, event("history", "messages", recent));
        broadcast(room, event("joined", "user", user.name()));
        broadcast(room, event("presence", "users", names(joined)));
    }

    /** Removes a member and tells the others that they left. */
    void leave(String room, User user, Session session) {
        Room left = rooms.get(room);
        if (left == null) {
            return;
        }
        synchronized (left) {
            left.members.remove(session);
        }
        broadcast(room, event("left", "user", user.name()));
        broadcast(room, event("presence", "users", names(left)));
    }

    /** Keeps a message and sends it to every member. */
    void say(String room, User user, String text) {
        Map<String, Object> message = event("message", "user", user.name());
        message.put("text", text);
        message.put("at", Instant.now().toString());
        Room target = rooms.get(room);
        if (target == null) {
            return;
        }
        synchronized (target) {
            target.messages.addLast(message);
            if (target.messages.size() > KEPT_MESSAGES) {
                target.messages.removeFirst();
            }
        }
        broadcast(room, message);
    }

    /**
     * Closes the connections of a member with 1008 "Kicked by an admin" and tells the room; each connection's
     * presence cleanup then announces that they left.
     *
     * @throws MessageRefused if no one of that name is in the room
     */
    void kick(String room, String name) {
        Room target = rooms.get(room);
        List<Session> kicked = new ArrayList<>();
        if (target != null) {
            synchronized (target) {
                target.members.forEach((session, user) -> {
                    if (user.name().equals(name)) {
                        kicked.add(session);
                    }
                });
            }
        }
        if (kicked.isEmpty()) {
            throw new MessageRefused("No one named " + name + " is in the room.");
        }
        broadcast(room, event("kicked", "user", name));
        for (Session session : kicked) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "Kicked by an admin"));
            } catch (IOException alreadyGone) {
                // the connection ended on its own: its cleanup announces the leave all the same
            }
        }
    }

    /** Sends an event to one member only. */
    void tell(Session session, String type, String key, Object value) {
        send(session, event(type, key, value));
    }

    private void broadcast(String room, Map<String, Object> event) {
        Room target = rooms.get(room);
        if (target == null) {
            return;
        }
        List<Session> members;
        synchronized (target) {
            members = new ArrayList<>(target.members.keySet());
        }
        members.forEach(member -> send(member, event));
    }

    private void send(Session session, Map<String, Object> event) {
        if (!session.isOpen()) {
            return;
        }
        Outbox outbox;
        synchronized (session) {
            outbox = (Outbox) session.getUserProperties().computeIfAbsent(Outbox.KEY, key -> new Outbox(session));
        }
        outbox.send(json.toJson(event));
    }

    /**
     * One member's outgoing events, written one after the other without blocking the thread that sends them:
     * members' threads broadcast to the same session at once, and Jakarta WebSocket lets a send that meets another
     * in progress fail. A member too slow to read {@value #MAX_WAITING} waiting events is disconnected with 1013.
     */
    private static final class Outbox {
        static final String KEY = Outbox.class.getName();
        static final int MAX_WAITING = 256;

        private final Session session;
        private final Deque<String> waiting = new ArrayDeque<>();
        private boolean writing;

        Outbox(Session session) {
            this.session = session;
        }

        void send(String text) {
            boolean full;
            synchronized (this) {
                if (!writing) {
                    writing = true;
                    full = false;
                } else if (waiting.size() < MAX_WAITING) {
                    waiting.add(text);
                    return;
                } else {
                    waiting.clear();
                    full = true;
                }
            }
            if (full) {
                tooSlow();
            } else {
                write(text);
            }
        }

        private void write(String text) {
            session.getAsyncRemote().sendText(text, result -> {
                String next;
                synchronized (this) {
                    next = result.isOK() ? waiting.poll() : null;
                    if (next == null) {
                        waiting.clear();
                        writing = false;
                        return;
                    }
                }
                write(next);
            });
        }

        private void tooSlow() {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "Too slow to read the room"));
            } catch (IOException alreadyGone) {
                // the connection ended on its own
            }
        }
    }

    private static List<String> names(Room room) {
        synchronized (room) {
            return room.members.values().stream().map(User::name).sorted().toList();
        }
    }

    private static Map<String, Object> event(String type, String key, Object value) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put(key, value);
        return event;
    }

    private static final class Room {
        final Map<Session, User> members = new LinkedHashMap<>();
        final Deque<Map<String, Object>> messages = new ArrayDeque<>();
    }
}
