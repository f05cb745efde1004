package org.wsdepends.examples.benchmark.app;

import javax.management.JMException;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The load generator's view into the server process ({@link ServerStats}), deployed next to the measured
 * endpoints so it works the same on every runtime.
 */
@ServerEndpoint("/bench/control")
public class Control {

    @OnMessage
    public String command(String command) throws JMException, InterruptedException {
        return ServerStats.answer(command);
    }
}
