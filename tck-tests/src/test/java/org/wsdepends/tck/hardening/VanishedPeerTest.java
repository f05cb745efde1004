package org.wsdepends.tck.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.RawSocket;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeployedWarTest;
import org.wsdepends.tck.support.ServerLog;
import org.wsdepends.tck.support.Wars;

/**
 * A client that goes away without a close frame (a TCP reset, as from a crashed client) is normal: its cleanup runs
 * once, nothing is logged as an error and no 1011 is attempted; the server serves the next client.
 */
public class VanishedPeerTest extends DeployedWarTest {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Wars.war("vanished-peer", HardeningApp.class);
    }

    @Test
    void aResetConnectionIsCleanedUpOnceWithoutAnErrorLogged() throws IOException {
        String context = base.getPath().replaceFirst("/$", "");
        try (RawSocket socket = RawSocket.connect(base.getPort())) {
            assertThat(socket.upgrade(context + "/drain?id=gone").status()).isEqualTo(101);
            socket.send(RawSocket.text("x"));
            assertThat(socket.readFrame().text()).isEqualTo("gone x");
            socket.reset();
        }

        List<String> events = EVENTS.awaitEvent("close gone");
        assertThat(events).containsOnlyOnce("open gone", "@OnOpen gone", "close gone")
                .filteredOn(event -> event.startsWith("@OnClose gone")).hasSize(1);
        try (WsTestClient client = WsTestClient.connect(uri("/drain?id=next"))) {
            client.sendText("y");
            assertThat(client.nextText()).isEqualTo("next y");
        }
        // the server's log holds the whole run: only what names this endpoint is this test's
        assertThat(ServerLog.text().lines().filter(line -> line.contains("WS /drain")))
                .noneMatch(line -> line.contains("Unhandled exception") || line.contains("closing with 1011"));
    }
}
