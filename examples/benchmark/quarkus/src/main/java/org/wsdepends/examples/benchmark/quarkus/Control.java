package org.wsdepends.examples.benchmark.quarkus;

import javax.management.JMException;

import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;

import org.wsdepends.examples.benchmark.app.ServerStats;

/** The load generator's view into the server process, as on every other runtime. */
@WebSocket(path = "/bench/control")
public class Control {

    @OnTextMessage
    public String command(String command) throws JMException, InterruptedException {
        return ServerStats.answer(command);
    }
}
