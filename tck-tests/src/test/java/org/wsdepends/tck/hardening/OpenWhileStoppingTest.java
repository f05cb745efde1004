package org.wsdepends.tck.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.wsdepends.tck.hardening.StoppingApp.CLOSED;
import static org.wsdepends.tck.hardening.StoppingApp.SEEN;
import static org.wsdepends.tck.hardening.StoppingApp.STOPPING;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.inject.spi.Extension;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeploymentUrls;
import org.wsdepends.tck.support.Events;
import org.wsdepends.tck.support.Recorder;
import org.wsdepends.tck.support.Wars;

/**
 * A connection that opens while its application stops is not served and leaves nothing behind. The connection is
 * held (in its handshake, or in resolving its dependency) until the application is stopping, so the test does not
 * depend on timing: on the servers, the WAR's own extension tells it once wsdepends ended the open connections in
 * CDI's {@code BeforeShutdown}, and keeps the application stopping until the test saw the outcome; the embedded
 * server stops accepting connections before CDI stops, and the test tells it then.
 */
@ExtendWith(ArquillianExtension.class)
public class OpenWhileStoppingTest {

    private static final String NAME = "stopping";
    private static final Recorder EVENTS = new Recorder();

    @Deployment(name = NAME, managed = false, testable = false)
    public static WebArchive deployment() {
        return Wars.war(NAME, StoppingApp.class).addClass(Recorder.class).addAsResource(
                new StringAsset(StoppingApp.Stopping.class.getName()), "META-INF/services/" + Extension.class.getName());
    }

    @ArquillianResource
    Deployer deployer;

    /**
     * A handshake that reaches the upgrade only once wsdepends ended the open connections is not upgraded into a
     * served connection: WildFly answers 101 and closes at once without a status code, never opening the endpoint;
     * Payara answers HTTP 500 (it cannot create the upgrade handler of a stopping application). Either way nothing is
     * resolved. Not on the embedded runtime: its {@code close()} shuts the HTTP server down without waiting for a
     * handshake before its 101, so a held handshake only ever sees its TCP connection go.
     */
    @Test
    void aHandshakeHeldUntilTheApplicationStopsIsNotServedAndResolvesNothing() {
        Assumptions.assumeFalse(embedded(), "the embedded server does not wait for handshakes before their 101");
        EVENTS.clear();
        deployer.deploy(NAME);
        CompletableFuture<WsTestClient.Closed> outcome = outcome(Wars.ws(DeploymentUrls.of(NAME), "/held/upgrading"), false, "");
        EVENTS.awaitEvent("upgrading");

        deployer.undeploy(NAME);

        if (wildfly()) {
            assertThat(outcome.join()).isEqualTo(new WsTestClient.Closed(1005, ""));
        } else {
            // the client's handshake failure, with the status it got
            assertThat(catchThrowable(outcome::join)).hasCauseInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("HTTP 500");
        }
        assertThat(EVENTS.events()).containsExactly("upgrading", STOPPING, SEEN);
    }

    /**
     * A connection past its 101 whose dependency is still being made when the application stops is closed with 1001,
     * and the application waits for it: its dependency, made after all, is cleaned up once and its endpoint instance
     * released, while CDI still runs. On the servers wsdepends closes the connection while it is still opening, so
     * the endpoint never opens; the dependency is let finish once the client got the close (the application keeps
     * stopping meanwhile, up to 3 s). The embedded server waits for such a connection to open before it closes every
     * connection.
     */
    @Test
    void aConnectionStillResolvingWhenTheApplicationStopsIsClosedWith1001AndCleanedUpOnce() {
        EVENTS.clear();
        deployer.deploy(NAME);
        URL base = DeploymentUrls.of(NAME);
        CompletableFuture<WsTestClient.Closed> outcome = outcome(Wars.ws(base, "/held/resolving"), !embedded(),
                embedded() ? "endpoint released" : STOPPING);
        EVENTS.awaitEvent("resolving");
        if (embedded()) {
            CompletableFuture.runAsync(() -> {
                awaitRefused(base.getPort());
                Events.add(STOPPING);
            });
        }

        deployer.undeploy(NAME);

        assertThat(outcome.join()).isEqualTo(new WsTestClient.Closed(1001, DrainTest.goingAwayReason()));
        if (embedded()) {
            assertThat(EVENTS.events()).containsExactly("resolving", STOPPING, "open resource", "@OnOpen", "@OnClose 1001",
                    "close resource", "endpoint released", SEEN);
        } else {
            assertThat(EVENTS.events()).containsExactly("resolving", CLOSED, "open resource", "close resource",
                    "endpoint released", STOPPING, SEEN);
        }
    }

    /**
     * Connects in the background and waits for the close, records {@link StoppingApp#CLOSED} if {@code closedEvent},
     * then waits for {@code lastEvent} of the server (if not empty), and records {@link StoppingApp#SEEN}, whatever
     * came of it.
     */
    private static CompletableFuture<WsTestClient.Closed> outcome(URI uri, boolean closedEvent, String lastEvent) {
        return CompletableFuture.supplyAsync(() -> {
            try (WsTestClient client = WsTestClient.connect(uri)) {
                WsTestClient.Closed closed = client.awaitClose();
                if (closedEvent) {
                    Events.add(CLOSED);
                }
                if (!lastEvent.isEmpty()) {
                    EVENTS.awaitEvent(lastEvent);
                }
                return closed;
            } finally {
                Events.add(SEEN);
            }
        });
    }

    /** Waits until the embedded server refuses TCP connections: the first step of its {@code close()}. */
    private static void awaitRefused(int port) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket accepted = new Socket("127.0.0.1", port)) {
                Thread.sleep(5);
            } catch (IOException refused) {
                return;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean embedded() {
        return "embedded".equals(System.getProperty("wsdepends.tck.container", "embedded"));
    }

    private static boolean wildfly() {
        return "wildfly".equals(System.getProperty("wsdepends.tck.container"));
    }
}
