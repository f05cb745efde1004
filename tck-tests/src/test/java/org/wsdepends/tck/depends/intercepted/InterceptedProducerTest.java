package org.wsdepends.tck.depends.intercepted;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeployedWarTest;
import org.wsdepends.tck.support.Wars;

/**
 * A producer method is called as CDI calls it: on its bean's contextual instance (its fields set), with its
 * interceptors (producer calls by the container are business method invocations, CDI 4.0 §7.2).
 */
public class InterceptedProducerTest extends DeployedWarTest {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Wars.war("intercepted", InterceptedProducerApp.class);
    }

    @Test
    void interceptorsOfAProducerMethodApplyAndItRunsOnTheBeanInstance() {
        try (WsTestClient client = WsTestClient.connect(uri("/intercepted?name=ada"))) {
            assertThat(client.nextText()).isEqualTo("[hello ada]");
        }
    }
}
