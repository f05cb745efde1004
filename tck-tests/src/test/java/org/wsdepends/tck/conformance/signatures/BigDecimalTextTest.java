package org.wsdepends.tck.conformance.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wsdepends.core.WrapPolicy;
import org.wsdepends.tck.support.ServerLog;
import org.wsdepends.tck.support.Wars;

/**
 * With wrap=all, a `BigDecimal` text message on an endpoint that uses no wsdepends annotation fails the
 * deployment, as the containers refuse it (Jakarta WebSocket 2.1 section 4.7: primitives and their boxes); reading
 * it is a wsdepends extension for wsdepends endpoints.
 */
@ExtendWith(ArquillianExtension.class)
public class BigDecimalTextTest {

    @Deployment(testable = false)
    @ShouldThrowException(DeploymentException.class)
    public static WebArchive deployment() {
        return Wars.war("bigdecimal", BigDecimalTextEndpoint.class)
                .addAsResource(new StringAsset(WrapPolicy.WRAP_PROPERTY + "=all\n"), "META-INF/wsdepends.properties");
    }

    @Test
    void theDeploymentFailsWithTheSpecificationsRule() {
        assertThat(ServerLog.text()).contains("WSD-0307 " + BigDecimalTextEndpoint.class.getName()
                + "#message: @OnMessage cannot receive a java.math.BigDecimal: no declared decoder decodes it");
    }
}
