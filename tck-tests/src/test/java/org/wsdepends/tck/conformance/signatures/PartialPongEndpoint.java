package org.wsdepends.tck.conformance.signatures;

import jakarta.websocket.OnMessage;
import jakarta.websocket.PongMessage;
import jakarta.websocket.server.ServerEndpoint;

/**
 * No wsdepends annotation: wrapped only because of {@code wrap=all}, so it gets the specification's rules ({@link
 * PartialPongTest}).
 */
@ServerEndpoint("/partialpong")
public class PartialPongEndpoint {
    @OnMessage
    public void message(PongMessage pong, boolean last) {
    }
}
