package org.wsdepends.tck.overrides;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeployedWarTest;
import org.wsdepends.tck.support.Wars;

/**
 * Overriding a dependency in a deployed WAR needs nothing of wsdepends: a CDI {@code @Alternative @Priority}
 * producer of the same type replaces the production one, and wsdepends follows CDI's resolution. The production
 * producer and its sub-dependencies no longer run; the alternative's disposer does.
 */
public class OverridesTest extends DeployedWarTest {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Wars.war("overrides", OverridesApp.class);
    }

    @Test
    void theAlternativeReplacesTheProducerAndItsSubDependenciesWhileTheOtherProducersStay() {
        try (WsTestClient client = WsTestClient.connect(uri("/user"))) {
            client.expectText("welcome stub");
            assertThat(EVENTS.events()).containsExactly("open stub user");

            client.send("hi").expectText("stub on production db: hi");
            assertThat(EVENTS.awaitEvent("close production db")).containsExactly(
                    "open stub user", "open production db", "close production db");
        }
        assertThat(EVENTS.awaitEvent("close stub user")).containsExactly(
                "open stub user", "open production db", "close production db", "close stub user");
    }
}
