package org.wsdepends.tck.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeployedWarTest;
import org.wsdepends.tck.support.Wars;

/** Resolution never sees another connection's handshake (design §3): 200 concurrent handshakes. */
public class IsolationTest extends DeployedWarTest {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Wars.war("isolation", IsolationApp.class);
    }

    @Test
    void concurrentHandshakesSeeOnlyTheirOwnValues() throws Exception {
        int connections = 200;
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<CompletableFuture<String>> replies = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                int n = i;
                replies.add(CompletableFuture.supplyAsync(() -> {
                    String token = "t" + n;
                    try (WsTestClient client = WsTestClient.connect(uri("/whoami/" + n + "?token=" + token),
                            Map.of("x-token", "h" + n, "Cookie", "c=k" + n), List.of())) {
                        return client.nextText();
                    }
                }, pool));
            }
            for (int i = 0; i < connections; i++) {
                assertThat(replies.get(i).get(60, TimeUnit.SECONDS))
                        .isEqualTo(i + " t" + i + " h" + i + " k" + i + " t" + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
