package org.wsdepends.tck.conformance.signatures;

import java.io.InputStream;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/**
 * No wsdepends annotation: wrapped only because of {@code wrap=all}, so it gets the specification's rules ({@link
 * PartialInputStreamTest}).
 */
@ServerEndpoint("/partialstream")
public class PartialInputStreamEndpoint {
    @OnMessage
    public void message(InputStream message, boolean last) {
    }
}
