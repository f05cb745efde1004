package org.wsdepends.tck.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;

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

/**
 * Undeploying the application (on the embedded runtime: stopping its server) closes every open connection of a
 * wrapped endpoint with 1001 Going Away and runs its {@code @OnClose} and then its cleanup exactly once, the
 * dependency made last cleaned up first; deployed again, the application serves normally.
 */
@ExtendWith(ArquillianExtension.class)
public class DrainTest {

    private static final Recorder EVENTS = new Recorder();

    @Deployment(name = "drain", managed = false, testable = false)
    public static WebArchive deployment() {
        return Wars.war("drain", HardeningApp.class);
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void undeployClosesOpenConnectionsWith1001AndCleansUpOnce() {
        EVENTS.clear();
        deployer.deploy("drain");
        URL base = DeploymentUrls.of("drain");
        WsTestClient first = WsTestClient.connect(Wars.ws(base, "/drain?id=1"));
        WsTestClient second = WsTestClient.connect(Wars.ws(base, "/drain?id=2"));
        first.sendText("x");
        second.sendText("y");
        assertThat(first.nextText()).isEqualTo("1 x");
        assertThat(second.nextText()).isEqualTo("2 y");

        deployer.undeploy("drain");

        assertThat(first.awaitClose()).isEqualTo(new WsTestClient.Closed(1001, goingAwayReason()));
        assertThat(second.awaitClose()).isEqualTo(new WsTestClient.Closed(1001, goingAwayReason()));
        List<String> events = EVENTS.await(list -> list.contains("close 1") && list.contains("close 2"));
        for (String id : List.of("1", "2")) {
            String[] lifecycle = {"open " + id, "open account " + id, "open feed " + id, "@OnOpen " + id,
                    "@OnClose " + id + " 1001", "close feed " + id, "close account " + id, "close " + id};
            assertThat(events).containsOnlyOnce(lifecycle).containsSubsequence(lifecycle);
        }
        assertThat(events).hasSize(16);

        deployer.deploy("drain");
        try (WsTestClient again = WsTestClient.connect(Wars.ws(DeploymentUrls.of("drain"), "/drain?id=3"))) {
            again.sendText("z");
            assertThat(again.nextText()).isEqualTo("3 z");
        } finally {
            deployer.undeploy("drain");
        }
    }

    /** Undertow closes the sessions of an undeployed application itself, before CDI stops, without a reason. */
    static String goingAwayReason() {
        return "wildfly".equals(System.getProperty("wsdepends.tck.container")) ? "" : "Server shutting down";
    }
}
