package org.wsdepends.tck.conformance.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeployedWarTest;
import org.wsdepends.tck.support.Wars;

/**
 * A WAR with an empty beans.xml (bean-discovery-mode "annotated" under CDI 4), as many users have: wrapped and plain
 * endpoints work as with "all" (research/servers.md: on Payara, CDI then never reports the endpoint classes to the
 * extension).
 */
public class AnnotatedDiscoveryTest extends DeployedWarTest {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Wars.annotatedDiscoveryWar("annotated", AnnotatedDiscoveryApp.class);
    }

    @Test
    void wrappedEndpointsResolveTheHandshakeAndTheirDependencies() {
        try (WsTestClient client = WsTestClient.connect(uri("/greet?name=ann"))) {
            client.sendText("a");
            assertThat(client.nextText()).isEqualTo("hello ann a 1");
            client.sendText("b");
            assertThat(client.nextText()).isEqualTo("hello ann b 1");
        }
        assertThat(EVENTS.awaitEvent("disposed hello ann")).containsExactly("greeting for ann", "disposed hello ann");
    }

    @Test
    void handshakeErrorsAreReported() {
        try (WsTestClient client = WsTestClient.connect(uri("/greet"))) {
            assertThat(client.nextText()).isEqualTo(
                    "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"query\",\"name\"],\"msg\":\"Field required\",\"input\":null}]}");
            assertThat(client.nextClose().code()).isEqualTo(1008);
        }
    }

    @Test
    void plainEndpointsAreLeftToTheContainer() {
        try (WsTestClient client = WsTestClient.connect(uri("/plain/4"))) {
            client.sendText("x");
            assertThat(client.nextText()).isEqualTo("x4 true");
        }
    }
}
