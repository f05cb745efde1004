package org.wsdepends.tck.conformance.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wsdepends.tck.support.ServerLog;
import org.wsdepends.tck.support.Wars;

/**
 * With {@code wrap=all}, {@code @OnMessage} methods that take a {@code boolean} for partial messages of an
 * {@code InputStream}, a {@code Reader} or a {@code PongMessage} fail the deployment, each listed, as the containers
 * refuse them (Jakarta WebSocket 2.1 section 4.7: partial messages are String, ByteBuffer or byte[]). Before, the
 * flag was silently ignored.
 */
@ExtendWith(ArquillianExtension.class)
public class PartialFlagTest {

    @Deployment(testable = false)
    @ShouldThrowException(DeploymentException.class)
    public static WebArchive deployment() {
        return Wars.wrapAll("partialflag", PartialInputStreamEndpoint.class, PartialReaderEndpoint.class,
                PartialPongEndpoint.class);
    }

    @Test
    void everySignatureIsRefusedWithTheSpecificationsRule() {
        assertThat(ServerLog.text()).contains(refused(PartialInputStreamEndpoint.class, "InputStream"))
                .contains(refused(PartialReaderEndpoint.class, "Reader"))
                .contains(refused(PartialPongEndpoint.class, "PongMessage"));
    }

    private static String refused(Class<?> endpoint, String type) {
        return "WSD-0306 " + endpoint.getName() + "#message: @OnMessage takes a boolean for partial messages of a "
                + type + ", which Jakarta WebSocket delivers whole (section 4.7: partial messages are String, ByteBuffer"
                + " or byte[])";
    }
}
