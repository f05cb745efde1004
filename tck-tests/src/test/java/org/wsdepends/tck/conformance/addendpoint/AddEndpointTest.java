package org.wsdepends.tck.conformance.addendpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;

import jakarta.servlet.ServletContainerInitializer;

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
import org.wsdepends.tck.conformance.addendpoint.AddEndpointApp.Registered;
import org.wsdepends.tck.support.DeploymentUrls;
import org.wsdepends.tck.support.ServerLog;
import org.wsdepends.tck.support.Wars;

/**
 * With {@code wrap=all}, the application's listener, or its {@code ServletContainerInitializer} in a lib jar,
 * registers a scanned endpoint again with {@code addEndpoint(Class)}: the WAR deploys (before, the duplicate path
 * failed it: Undertow UT003042, Tyrus "Found equivalent paths"), the application's registration stays and answers,
 * and WSD-0412 says wsdepends left it to the application. The embedded runtime has no servlet context.
 */
@ExtendWith(ArquillianExtension.class)
public class AddEndpointTest {

    @Deployment(name = "addendpoint", managed = false, testable = false)
    public static WebArchive deployment() {
        return Wars.wrapAll("addendpoint", AddEndpointApp.class);
    }

    @Deployment(name = "initializer", managed = false, testable = false)
    public static WebArchive initializer() {
        return Wars.wrapAll("addendpointinit", AddEndpointApp.class).deleteClass(AddEndpointApp.DeclaredRegistration.class)
                .addAsLibrary(ShrinkWrap.create(JavaArchive.class, "init.jar").addClass(AddEndpointInitializer.class)
                        .addAsServiceProvider(ServletContainerInitializer.class, AddEndpointInitializer.class));
    }

    @ArquillianResource
    Deployer deployer;

    @BeforeEach
    void onAServletContainer() {
        Wars.assumeServletContainer("application listeners and initializers");
    }

    @Test
    void theRegistrationOfTheApplicationsListenerStays() {
        stays("addendpoint");
    }

    @Test
    void theRegistrationOfTheApplicationsInitializerStays() {
        // Payara calls the container's and the application's initializers in no fixed order: when Tyrus's runs after
        // the application's, whose listener then runs after wsdepends', the adapter meets the application's
        // registration when Tyrus's filter starts (docs/compatibility.md); Undertow has its container before any
        // initializer runs
        assumeTrue("wildfly".equals(System.getProperty("wsdepends.tck.container")),
                "not deterministic on Tyrus: the order of initializers decides");
        stays("initializer");
    }

    private void stays(String deployment) {
        deployer.deploy(deployment);
        try {
            URL base = DeploymentUrls.of(deployment);
            try (WsTestClient client = WsTestClient.connect(Wars.ws(base, "/registered"))) {
                client.sendText("a");
                assertThat(client.nextText()).isEqualTo("registered a");
            }
            assertThat(ServerLog.text()).contains("WSD-0412 class " + Registered.class.getName()
                    + ": the application registered \"/registered\" itself with ServerContainer.addEndpoint");
        } finally {
            deployer.undeploy(deployment);
        }
    }
}
