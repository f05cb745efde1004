package org.wsdepends.tck.leaks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeploymentUrls;
import org.wsdepends.tck.support.Recorder;
import org.wsdepends.tck.support.Wars;

/** 2,000 connections, a quarter dropped without a close frame: every produced dependency disposed exactly once. */
@ExtendWith(ArquillianExtension.class)
public class LeakTest {

    static final Recorder EVENTS = new Recorder();

    @Deployment(name = "leaks", managed = false, testable = false)
    public static WebArchive deployment() {
        return Wars.war("leaks", LeakApp.class);
    }

    @ArquillianResource
    Deployer deployer;

    /** What the server recorded: how many dependencies it produced, which it disposed, how many twice. */
    private record Counts(int produced, Set<String> disposed, int duplicateDisposals) {
        static Counts of(List<String> events) {
            int produced = 0;
            int duplicates = 0;
            Set<String> disposed = new HashSet<>();
            for (String event : events) {
                if (event.startsWith("produced ")) {
                    produced++;
                } else if (event.startsWith("disposed ") && !disposed.add(event.substring("disposed ".length()))) {
                    duplicates++;
                }
            }
            return new Counts(produced, disposed, duplicates);
        }
    }

    @Test
    void everyDependencyIsDisposedExactlyOnce() throws Exception {
        int connections = 2_000;
        EVENTS.clear();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        deployer.deploy("leaks");
        try {
            URL base = DeploymentUrls.of("leaks");
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                int n = i;
                done.add(CompletableFuture.runAsync(() -> {
                    WsTestClient client = WsTestClient.connect(Wars.ws(base, "/resource?n=" + n));
                    client.sendText("m" + n);
                    assertThat(client.nextText()).isEqualTo("m" + n);
                    if (n % 4 == 0) {
                        client.abort();
                    } else {
                        client.close();
                    }
                }, pool));
            }
            // every connection is awaited before any failure is reported, so that the report tells one refused
            // handshake from a deployment that stopped answering
            List<String> failed = new ArrayList<>();
            for (int n = 0; n < connections; n++) {
                try {
                    done.get(n).get(120, TimeUnit.SECONDS);
                } catch (ExecutionException failure) {
                    failed.add("connection " + n + ": " + failure.getCause());
                }
            }
            assertThat(failed.size()).as("%d of %d connections failed, the first: %s", failed.size(), connections,
                    failed.stream().limit(3).toList()).isZero();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            Counts counts = Counts.of(EVENTS.events());
            while (counts.disposed().size() < counts.produced() && System.nanoTime() < deadline) {
                Thread.sleep(50);
                counts = Counts.of(EVENTS.events());
            }
            assertThat(counts.produced()).isEqualTo(2 * connections);
            assertThat(counts.disposed()).hasSize(counts.produced());
            assertThat(counts.duplicateDisposals()).isZero();
        } finally {
            pool.shutdownNow();
            deployer.undeploy("leaks");
        }
        assertThat(Counts.of(EVENTS.events()).duplicateDisposals()).isZero();
    }
}
