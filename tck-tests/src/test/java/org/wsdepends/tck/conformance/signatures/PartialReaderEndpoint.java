package org.wsdepends.tck.conformance.signatures;

import java.io.Reader;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/**
 * No wsdepends annotation: wrapped only because of {@code wrap=all}, so it gets the specification's rules ({@link
 * PartialReaderTest}).
 */
@ServerEndpoint("/partialreader")
public class PartialReaderEndpoint {
    @OnMessage
    public void message(Reader message, boolean last) {
    }
}
