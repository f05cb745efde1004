package org.wsdepends.examples.benchmark.quarkus;

import jakarta.inject.Inject;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.PathParam;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * The benchmark's wrapped endpoint's work on Quarkus WebSockets Next: the room bound by {@code @PathParam}, the
 * rest from a {@link Visit} per connection.
 */
@WebSocket(path = "/wrapped/{room}")
public class WrappedEcho {

    @Inject
    Visit visit;

    @OnOpen
    public String open(@PathParam String room) {
        return visit.welcome(room);
    }

    @OnTextMessage
    public String echo(String text) {
        return text;
    }

    @OnError
    public void invalid(Visit.InvalidHandshakeException invalid, WebSocketConnection connection) {
        connection.closeAndAwait(new CloseReason(1008, invalid.getMessage()));
    }
}
