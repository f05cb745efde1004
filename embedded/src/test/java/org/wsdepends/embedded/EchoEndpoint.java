package org.wsdepends.embedded;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/** A plain endpoint (no wsdepends annotations) with CDI injection and lifecycle callbacks. */
@ServerEndpoint("/echo")
public class EchoEndpoint {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    @Inject
    Greeter greeter;

    @Inject
    Recorder recorder;

    private int instance;

    @PostConstruct
    void created() {
        instance = INSTANCES.incrementAndGet();
        recorder.add("created");
    }

    @OnOpen
    public void open(Session session) {
        recorder.add("open");
    }

    @OnMessage
    public String echo(String text) {
        if (text.equals("instance")) {
            return "instance " + instance;
        }
        return greeter.greet(text);
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        recorder.add("close " + reason.getCloseCode().getCode());
    }

    @PreDestroy
    void destroyed() {
        recorder.add("destroyed");
    }
}
