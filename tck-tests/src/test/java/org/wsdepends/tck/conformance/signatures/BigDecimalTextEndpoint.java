package org.wsdepends.tck.conformance.signatures;

import java.math.BigDecimal;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/**
 * No wsdepends annotation: wrapped only because of {@code wrap=all}, so it gets the specification's rules ({@link
 * BigDecimalTextTest}).
 */
@ServerEndpoint("/bigdecimal")
public class BigDecimalTextEndpoint {
    @OnMessage
    public void message(BigDecimal text) {
    }
}
