package org.wsdepends.tck.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeployedWarTest;
import org.wsdepends.tck.support.Wars;

/** The example of design §2, end to end: what a client sees and what cleanup ran. */
public class FlagshipExampleTest extends DeployedWarTest {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Wars.war("example", FlagshipExampleApp.class);
    }

    @Test
    void messagesUseHandshakeValuesAndDependencies() {
        try (WsTestClient client = WsTestClient.connect(uri("/rooms/lobby?token=t1&history=5"),
                Map.of("X-Client", "cli"), java.util.List.of())) {
            client.sendText("hello");
            assertThat(client.nextText()).isEqualTo("lobby: hello (alice, history 5, client cli)");
            client.sendText("again");
            assertThat(client.nextText()).isEqualTo("lobby: again (alice, history 5, client cli)");
        }
        assertThat(EVENTS.awaitEvent("db close")).containsExactly(
                "db open", "endpoint created",
                "audit open", "audit alice hello", "audit close",
                "audit open", "audit alice again", "audit close",
                "db close");
    }

    @Test
    void missingTokenClosesWith1008AndTheExactReason() {
        try (WsTestClient client = WsTestClient.connect(uri("/rooms/lobby"))) {
            assertMissingQueryParameter(client, "token");
        }
        // sub-dependencies resolve before the dependant's own values (FastAPI's order), so the Db
        // was opened before the missing token was found, and is cleaned up: nothing leaks
        assertThat(EVENTS.awaitEvent("db close")).containsExactly("db open", "db close");
    }

    @Test
    void invalidTokenClosesWithTheProducersCodeAfterCleanup() {
        try (WsTestClient client = WsTestClient.connect(uri("/rooms/lobby?token=nope"))) {
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(closed.reason()).isEqualTo("Invalid token");
        }
        assertThat(EVENTS.awaitEvent("db close")).containsExactly("db open", "db close");
    }

    @Test
    void historyOutOfRangeIsReportedWithPydanticWording() {
        try (WsTestClient client = WsTestClient.connect(uri("/rooms/lobby?token=t1&history=500"))) {
            assertThat(client.nextText()).isEqualTo("{\"detail\":[{\"type\":\"less_than_equal\",\"loc\":[\"query\",\"history\"],"
                    + "\"msg\":\"Input should be less than or equal to 100\",\"input\":\"500\",\"ctx\":{\"le\":100}}]}");
            assertThat(client.nextClose().code()).isEqualTo(1008);
        }
        assertThat(EVENTS.awaitEvent("db close")).containsExactly("db open", "db close");
    }
}
