package org.wsdepends.tck.conformance.appconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.conformance.appconfig.AppConfigApp.Returned;
import org.wsdepends.tck.support.DeploymentUrls;
import org.wsdepends.tck.support.ServerLog;
import org.wsdepends.tck.support.Wars;

/**
 * With {@code wrap=all}, an application's own {@code ServerApplicationConfig}, in {@code WEB-INF/classes} or in a
 * {@code WEB-INF/lib} jar, decides which annotated endpoints exist: what it filters out answers 404, what it returns
 * the container deploys itself (WSD-0410 says so), what it hands over with {@code withoutWrapped} wsdepends
 * dispatches. Before, wsdepends wrapped them all, and the WAR failed with a duplicate path. The embedded runtime has no
 * servlet container and calls no application configuration.
 */
@ExtendWith(ArquillianExtension.class)
public class AppConfigTest {

    @Deployment(name = "classes", managed = false, testable = false)
    public static WebArchive configInClasses() {
        return Wars.wrapAll("appconfig", AppConfigApp.class);
    }

    @Deployment(name = "lib", managed = false, testable = false)
    public static WebArchive configInALibJar() {
        return Wars.wrapAll("appconfiglib", AppConfigApp.class).deleteClass(AppConfigApp.Config.class)
                .addAsLibrary(ShrinkWrap.create(JavaArchive.class, "config.jar").addClass(LibJarConfig.class));
    }

    @ArquillianResource
    Deployer deployer;

    @BeforeEach
    void onAServletContainer() {
        Wars.assumeServletContainer("an application ServerApplicationConfig");
    }

    @Test
    void aConfigInWebInfClassesDecides() {
        decides("classes", AppConfigApp.Config.class);
    }

    @Test
    void aConfigInALibJarDecides() {
        decides("lib", LibJarConfig.class);
    }

    private void decides(String deployment, Class<?> config) {
        deployer.deploy(deployment);
        try {
            URL base = DeploymentUrls.of(deployment);
            try (WsTestClient client = WsTestClient.connect(Wars.ws(base, "/handed"))) {
                client.sendText("a");
                assertThat(client.nextText()).isEqualTo("a 1");
                client.sendText("b");
                assertThat(client.nextText()).isEqualTo("b 1");
            }
            try (WsTestClient client = WsTestClient.connect(Wars.ws(base, "/returned"))) {
                client.sendText("c");
                assertThat(client.nextText()).isEqualTo("returned c");
            }
            Throwable refused = catchThrowable(() -> WsTestClient.connect(Wars.ws(base, "/filtered")).close());
            assertThat(refused).rootCause().hasMessage("Unexpected HTTP response status code 404");
            assertThat(ServerLog.text()).contains("WSD-0410 " + config.getName() + ": returns [" + Returned.class.getName()
                    + "] for the container to deploy itself, so wsdepends does not wrap them");
        } finally {
            deployer.undeploy(deployment);
        }
    }
}
