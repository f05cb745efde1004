package org.wsdepends.tck.conformance.containers;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wsdepends.tck.conformance.containers.DeploymentValidationApp.UnsatisfiedEndpoint;
import org.wsdepends.tck.support.ServerLog;
import org.wsdepends.tck.support.Wars;

/**
 * An unsatisfied injection point in a wrapped endpoint fails the deployment on every runtime, not the first
 * connection. WildFly 39+ validates endpoint injection points at deployment itself; wsdepends, which creates wrapped
 * endpoints (vetoed as beans) through their injection targets, builds those at deployment, so Tyrus-based runtimes
 * fail as early. (The handshake injection points next to it are satisfied by wsdepends' synthetic beans, which is
 * what lets such endpoints deploy on WildFly at all: every other test WAR.)
 */
@ExtendWith(ArquillianExtension.class)
public class DeploymentValidationTest {

    @Deployment(testable = false)
    @ShouldThrowException(DeploymentException.class)
    public static WebArchive deployment() {
        return Wars.war("unsatisfied", DeploymentValidationApp.class);
    }

    @Test
    void theDeploymentFailsNamingTheUnsatisfiedType() {
        assertThat(ServerLog.text()).contains("WELD-001408: Unsatisfied dependencies for type Unavailable with qualifiers @Default")
                .contains(UnsatisfiedEndpoint.class.getName() + ".unavailable");
    }
}
