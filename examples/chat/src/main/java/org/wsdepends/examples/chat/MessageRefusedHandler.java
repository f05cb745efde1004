package org.wsdepends.examples.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;

import org.wsdepends.spi.ExceptionHandler;

/**
 * Answers a refused message with {@code {"type":"error","message":"..."}} to its sender only, and keeps the connection
 * open: replacing wsdepends' default for this exception type, which would close with 1011.
 */
@ApplicationScoped
public class MessageRefusedHandler implements ExceptionHandler<MessageRefused> {

    @Inject
    Rooms rooms;

    @Override
    public void handle(MessageRefused exception, Session session) {
        rooms.tell(session, "error", "message", exception.getMessage());
    }
}
