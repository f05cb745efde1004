package org.wsdepends.tck.conformance.signatures;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.tck.support.Point;

/**
 * No wsdepends annotation: wrapped only because of {@code wrap=all}, so it gets the specification's rules ({@link
 * NoDecoderTest}).
 */
@ServerEndpoint("/nodecoder")
public class NoDecoderEndpoint {
    @OnMessage
    public void message(Point point) {
    }
}
