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
 * With wrap=all, `@OnMessage (InputStream, boolean)` fails the deployment, as the containers refuse it (Jakarta
 * WebSocket 2.1 section 4.7: partial messages are String, ByteBuffer or byte[]); before, the flag was silently
 * ignored.
 */
@ExtendWith(ArquillianExtension.class)
public class PartialInputStreamTest {

    @Deployment(testable = false)
    @ShouldThrowException(DeploymentException.class)
    public static WebArchive deployment() {
        return Wars.war("partialstream", PartialInputStreamEndpoint.class)
                .addAsResource(new StringAsset(WrapPolicy.WRAP_PROPERTY + "=all\n"), "META-INF/wsdepends.properties");
    }

    @Test
    void theDeploymentFailsWithTheSpecificationsRule() {
        assertThat(ServerLog.text()).contains("WSD-0306 " + PartialInputStreamEndpoint.class.getName()
                + "#message: @OnMessage takes a boolean for partial messages of a InputStream,"
                + " which Jakarta WebSocket delivers whole");
    }
}
