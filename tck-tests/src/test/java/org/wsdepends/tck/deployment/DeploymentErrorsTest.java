package org.wsdepends.tck.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wsdepends.tck.deployment.DeploymentErrorsApp.BrokenEndpoint;
import org.wsdepends.tck.deployment.DeploymentErrorsApp.Missing;
import org.wsdepends.tck.deployment.DeploymentErrorsApp.Producers;
import org.wsdepends.tck.deployment.DeploymentErrorsApp.Twice;
import org.wsdepends.tck.deployment.DeploymentErrorsApp.Unconvertible;
import org.wsdepends.tck.support.ServerLog;
import org.wsdepends.tck.support.Wars;

/**
 * Broken deployments fail with every problem listed, each naming the class, member and fix (design §4). The
 * deployment must fail; the problems are read from the server's log, where the container reports them.
 */
@ExtendWith(ArquillianExtension.class)
public class DeploymentErrorsTest {

    @Deployment(testable = false)
    @ShouldThrowException(DeploymentException.class)
    public static WebArchive deployment() {
        return Wars.war("deployment-errors", DeploymentErrorsApp.class);
    }

    @Test
    void everyProblemIsReportedWithClassMemberAndFix() {
        String endpoint = BrokenEndpoint.class.getName();
        assertThat(ServerLog.text())
                .contains("field " + endpoint + ".room: path variable \"rooom\" is not in the path \"/broken/{room}\"")
                .contains("Fix: use one of those names or add {rooom} to the @ServerEndpoint path")
                .contains("field " + endpoint + ".when: no conversion from a handshake string to "
                        + Unconvertible.class.getName())
                .contains("add a bean implementing ParamConverter<Unconvertible>")
                .contains("field " + endpoint + ".n: @DefaultValue(\"many\") is not a valid value")
                .contains("field " + endpoint + ".missing: no @Produces @Depends producer of "
                        + Missing.class.getName() + ". Fix: add a method `@Produces @Depends Missing name(...)`")
                .contains("field " + endpoint + ".twice: 2 @Produces @Depends producers of " + Twice.class.getName()
                        + " match: " + Producers.class.getName() + "#first, " + Producers.class.getName() + "#second")
                .contains("The dependency \"user\" has a scope of \"connection\", it cannot depend on dependencies"
                        + " with scope \"message\".")
                .contains("parameter audit of " + Producers.class.getName() + "#user(Audit)")
                .contains("dependency cycle " + Producers.class.getName() + "#ping -> " + Producers.class.getName()
                        + "#pong -> " + Producers.class.getName() + "#ping")
                .contains("field " + endpoint + ".audit: @Depends(scope = MESSAGE) is only allowed on @OnMessage"
                        + " and @OnError parameters")
                .contains("field " + endpoint + ".notInjected: has a wsdepends qualifier but no @Inject")
                .contains("wsdepends found 9 problems in this deployment");
    }
}
