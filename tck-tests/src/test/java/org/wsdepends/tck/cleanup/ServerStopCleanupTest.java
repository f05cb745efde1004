package org.wsdepends.tck.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

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

/** Connections still open when the application stops (undeployed, or its server stopped) are ended and cleaned up. */
@ExtendWith(ArquillianExtension.class)
public class ServerStopCleanupTest {

    static final Recorder EVENTS = new Recorder();

    @Deployment(name = "cleanup-stop", managed = false, testable = false)
    public static WebArchive deployment() {
        return Wars.war("cleanup-stop", CleanupApp.class);
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void stoppingTheServerEndsOpenConnectionsAndCleansUp() {
        EVENTS.clear();
        deployer.deploy("cleanup-stop");
        URL base = DeploymentUrls.of("cleanup-stop");
        WsTestClient client = WsTestClient.connect(Wars.ws(base, "/order"));
        client.sendText("x");
        assertThat(client.nextText()).isEqualTo("ok x");
        deployer.undeploy("cleanup-stop");
        assertThat(client.awaitClose().code()).isIn(1001, 1006);
        assertThat(EVENTS.events()).containsSubsequence("close B", "close A", "close C")
                .containsOnlyOnce("close A", "close B", "close C");
    }
}
