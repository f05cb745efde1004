package org.wsdepends.tck.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wsdepends.tck.deployment.NormalScopedHandshakeValueApp.SharedHolder;
import org.wsdepends.tck.support.ServerLog;
import org.wsdepends.tck.support.Wars;

/** A handshake value in a bean all connections share is refused at deployment (design §4). */
@ExtendWith(ArquillianExtension.class)
public class NormalScopedHandshakeValueTest {

    @Deployment(testable = false)
    @ShouldThrowException(DeploymentException.class)
    public static WebArchive deployment() {
        return Wars.war("deployment-shared", NormalScopedHandshakeValueApp.class);
    }

    @Test
    void handshakeValuesInNormalScopedBeansAreRefused() {
        assertThat(ServerLog.text())
                .contains(SharedHolder.class.getName() + "#token: @Query in a @ApplicationScoped bean, which all"
                        + " connections share, while handshake values belong to one connection. Fix: inject it into the endpoint"
                        + " or into a @Produces @Depends producer's parameters");
    }
}
