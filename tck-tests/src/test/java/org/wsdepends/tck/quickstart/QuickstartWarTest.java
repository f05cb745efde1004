package org.wsdepends.tck.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeployedWarTest;
import org.wsdepends.tck.support.Wars;

/**
 * The README's quick start, built by its own pom in {@code examples/quickstart} as a new user builds it and deployed
 * unchanged: what the README promises a client sees. {@link QuickstartReadmeTest} keeps the README's text equal to
 * those files.
 */
public class QuickstartWarTest extends DeployedWarTest {

    @Deployment(testable = false)
    public static WebArchive quickstart() {
        return Wars.quickstart();
    }

    @Test
    void aMessageIsAnsweredWithTheRoomWhenHistoryIsLeftToItsDefault() {
        try (WsTestClient client = WsTestClient.connect(uri("/rooms/lobby?token=t1"), Map.of("X-Client", "cli"), List.of())) {
            client.sendText("hello");
            assertThat(client.nextText()).isEqualTo("lobby: hello");
            client.sendText("again");
            assertThat(client.nextText()).isEqualTo("lobby: again");
        }
    }

    @Test
    void aMissingTokenGetsTheErrorFrameAndTheCloseTheReadmeShows() {
        try (WsTestClient client = WsTestClient.connect(uri("/rooms/lobby"))) {
            assertMissingQueryParameter(client, "token");
        }
    }

    @Test
    void anUnknownTokenIsRefusedByTheUserProducer() {
        try (WsTestClient client = WsTestClient.connect(uri("/rooms/lobby?token=nope"))) {
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(closed.reason()).isEqualTo("Invalid token");
        }
    }

    @Test
    void aHistoryBelowItsMinimumIsAValidationError() {
        try (WsTestClient client = WsTestClient.connect(uri("/rooms/lobby?token=t2&history=0"))) {
            assertThat(client.nextText()).isEqualTo("{\"detail\":[{\"type\":\"greater_than_equal\",\"loc\":[\"query\",\"history\"],"
                    + "\"msg\":\"Input should be greater than or equal to 1\",\"input\":\"0\",\"ctx\":{\"ge\":1}}]}");
            assertThat(client.nextClose().code()).isEqualTo(1008);
        }
    }
}
