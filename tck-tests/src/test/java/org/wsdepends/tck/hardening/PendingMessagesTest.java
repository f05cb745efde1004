package org.wsdepends.tck.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.RawSocket;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeployedWarTest;
import org.wsdepends.tck.support.Wars;

/**
 * Where messages wait while a handler is busy (docs/limits.md, "Pending messages"). wsdepends queues nothing: it
 * handles each message on the container's thread that delivers it and sends with the blocking remote. Tyrus (the
 * embedded runtime, Payara) reads the next message only when the handler returned, so a client that keeps sending
 * is held back by TCP. Undertow (WildFly) keeps reading on its I/O thread and queues every message for the worker,
 * unbounded: this pins that difference, measured as what a client can write while the handler sleeps.
 */
public class PendingMessagesTest extends DeployedWarTest {

    private static final int BUDGET = 32 * 1024 * 1024;
    private static final int MESSAGE = 1024;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Wars.war("pending-messages", HardeningApp.class);
    }

    @Test
    void whileTheHandlerIsBusyOnlyUndertowKeepsReadingAndQueues() throws Exception {
        String context = base.getPath().replaceFirst("/$", "");
        AtomicLong written = new AtomicLong();
        try (RawSocket socket = RawSocket.connect(base.getPort())) {
            assertThat(socket.upgrade(context + "/slow").status()).isEqualTo(101);
            socket.send(RawSocket.text("sleep"));
            EVENTS.awaitEvent("sleeping");
            byte[] payload = new byte[MESSAGE];
            Arrays.fill(payload, (byte) 'a');
            byte[] frame = RawSocket.frame(0x1, true, payload);
            Thread writer = new Thread(() -> {
                try {
                    while (written.get() < BUDGET) {
                        socket.send(frame);
                        written.addAndGet(MESSAGE);
                    }
                } catch (IOException closed) {
                    // the test closed the socket while this write was held back
                }
            }, "pending-messages-writer");
            writer.start();
            writer.join(3_000);
            socket.reset();
            writer.join(5_000);
        }

        if ("wildfly".equals(System.getProperty("wsdepends.tck.container"))) {
            // how much depends on the machine's speed: far more than socket buffers hold, in any case
            assertThat(written.get()).as("Undertow kept reading and queued it").isGreaterThan(BUDGET / 2);
        } else {
            assertThat(written.get()).as("held back by TCP once the socket buffers are full").isLessThan(BUDGET / 2);
        }
        try (WsTestClient client = WsTestClient.connect(uri("/text"))) {
            client.sendText("four");
            assertThat(client.nextText()).isEqualTo("text 4");
        }
    }
}
