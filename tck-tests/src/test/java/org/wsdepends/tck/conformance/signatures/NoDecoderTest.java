package org.wsdepends.tck.conformance.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wsdepends.tck.support.Point;
import org.wsdepends.tck.support.ServerLog;
import org.wsdepends.tck.support.Wars;

/**
 * With {@code wrap=all}, an endpoint that uses no wsdepends annotation and receives a {@code BigDecimal} text
 * message, or a type no declared decoder decodes, fails the deployment, each listed, as the containers refuse it
 * (Jakarta WebSocket 2.1 section 4.7: primitives and their boxes). Typed JSON messages and {@code BigDecimal} text
 * are wsdepends extensions, for endpoints that use wsdepends.
 */
@ExtendWith(ArquillianExtension.class)
public class NoDecoderTest {

    @Deployment(testable = false)
    @ShouldThrowException(DeploymentException.class)
    public static WebArchive deployment() {
        return Wars.wrapAll("nodecoder", BigDecimalTextEndpoint.class, NoDecoderEndpoint.class, Point.class);
    }

    @Test
    void everyMessageTypeWithoutADecoderIsRefused() {
        assertThat(ServerLog.text()).contains(refused(BigDecimalTextEndpoint.class, "java.math.BigDecimal"))
                .contains(refused(NoDecoderEndpoint.class, Point.class.getName()));
    }

    private static String refused(Class<?> endpoint, String type) {
        return "WSD-0307 " + endpoint.getName() + "#message: @OnMessage cannot receive a " + type + ": no declared"
                + " decoder decodes it, and it is no String, ByteBuffer, byte[], Reader, InputStream, PongMessage,"
                + " primitive or box (Jakarta WebSocket 2.1 section 4.7)";
    }
}
