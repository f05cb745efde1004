package org.wsdepends.tck.conformance.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.example.FlagshipExampleApp;
import org.wsdepends.tck.support.Wars;

/**
 * Two applications with wrapped endpoints deployed at once, as on a shared server: each endpoint must find its own
 * application's dependencies. wsdepends looks up an endpoint's runtime at the first handshake through
 * {@code CDI.current()}, which the container answers for the application of the calling thread, so the first
 * handshakes alternate between the two. On WildFly, Payara Server and Payara Micro both WARs share one server; the
 * embedded runtime starts a server per WAR, where the test shows only that both run.
 */
@ExtendWith(ArquillianExtension.class)
public class TwoApplicationsTest {

    @Deployment(name = "chat", testable = false, order = 1)
    public static WebArchive chat() {
        return Wars.chat();
    }

    @Deployment(name = "example", testable = false, order = 2)
    public static WebArchive example() {
        return Wars.war("example", FlagshipExampleApp.class);
    }

    @ArquillianResource
    @OperateOnDeployment("chat")
    URL chat;

    @ArquillianResource
    @OperateOnDeployment("example")
    URL example;

    @Test
    void eachApplicationsEndpointsResolveTheirOwnDependencies() {
        try (WsTestClient rooms = WsTestClient.connect(Wars.ws(example, "/rooms/lobby?token=t1&history=5"),
                Map.of("X-Client", "cli"), List.of());
                WsTestClient alice = WsTestClient.connect(Wars.ws(chat, "/chat/shared?name=alice"), Map.of(),
                        List.of("bearer", "letmein"));
                WsTestClient refused = WsTestClient.connect(Wars.ws(example, "/rooms/lobby?token=letmein"))) {
            assertThat(alice.nextText()).isEqualTo("{\"type\":\"history\",\"messages\":[]}");
            assertThat(alice.nextText()).isEqualTo("{\"type\":\"joined\",\"user\":\"alice\"}");
            assertThat(alice.nextText()).isEqualTo("{\"type\":\"presence\",\"users\":[\"alice\"]}");
            rooms.sendText("hello");
            assertThat(rooms.nextText()).isEqualTo("lobby: hello (alice, history 5, client cli)");
            alice.sendText("{\"text\":\"hi\"}");
            assertThat(alice.nextText()).startsWith("{\"type\":\"message\",\"user\":\"alice\",\"text\":\"hi\",\"at\":\"");
            // the chat's token is not the example's: each application checks with its own producer
            WsTestClient.Closed closed = refused.nextClose();
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(closed.reason()).isEqualTo("Invalid token");
        }
    }
}
