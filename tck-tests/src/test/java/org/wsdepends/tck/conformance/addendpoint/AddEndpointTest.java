package org.wsdepends.tck.conformance.addendpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletContainerInitializer;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wsdepends.core.WrapPolicy;
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
 *
 * <p>Payara calls the initializers in the iteration order of a {@code HashMap} keyed by their classes, so by identity
 * hash codes, anew for every deployment; neither jar names nor web-fragment ordering choose it. Each deployment of
 * the initializer WAR therefore meets one of the orders: the application's initializer before Tyrus's (it registers
 * from a listener it adds, before or after wsdepends' listener) or after it (it registers at once, before or after
 * wsdepends' initializer ran). Before wsdepends registered its adapters after Tyrus started, two of the six orders
 * failed the deployment, a quarter of the deployments on Payara Micro 6 (3 of 12); so the initializer WAR is deployed
 * {@value #INITIALIZER_DEPLOYMENTS} times.
 */
@ExtendWith(ArquillianExtension.class)
public class AddEndpointTest {

    private static final int INITIALIZER_DEPLOYMENTS = 8;

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

    @Deployment(name = "listenerFirst", managed = false, testable = false)
    public static WebArchive listenerAddedFirst() {
        return listenerAdding("addendpointlisten1", "a-init.jar");
    }

    @Deployment(name = "listenerLast", managed = false, testable = false)
    public static WebArchive listenerAddedLast() {
        return listenerAdding("addendpointlisten2", "zz-init.jar");
    }

    /** The jar's name is the only thing that may order the initializers of two WEB-INF/lib jars without fragments. */
    private static WebArchive listenerAdding(String name, String jar) {
        return Wars.wrapAll(name, AddEndpointApp.class).deleteClass(AddEndpointApp.DeclaredRegistration.class)
                .addAsLibrary(ShrinkWrap.create(JavaArchive.class, jar).addClass(ListenerAddingInitializer.class)
                        .addAsServiceProvider(ServletContainerInitializer.class, ListenerAddingInitializer.class));
    }

    /** Rejects before the upgrade and allows one origin: wsdepends would refuse any other origin with 403. */
    @Deployment(name = "rejecting", managed = false, testable = false)
    public static WebArchive rejecting() {
        return Wars.war("addendpointreject", AddEndpointApp.class).addAsResource(new StringAsset(WrapPolicy.WRAP_PROPERTY
                + "=all\norg.wsdepends.reject=http\norg.wsdepends.allowed-origins=https://chat.example.com\n"),
                "META-INF/wsdepends.properties");
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
        for (int deployment = 0; deployment < INITIALIZER_DEPLOYMENTS; deployment++) {
            stays("initializer");
        }
    }

    @Test
    void theRegistrationOfAListenerAddedByTheApplicationsInitializerStays() {
        stays("listenerFirst");
        stays("listenerLast");
    }

    /**
     * wsdepends' filter for rejection before the upgrade is mapped to every adapted path before the container refuses
     * an adapter; the application's registration must still get its requests, which no wsdepends rule applies to.
     */
    @Test
    void beforeTheUpgradeTheApplicationsRegistrationGetsItsRequests() {
        deployer.deploy("rejecting");
        try (WsTestClient client = WsTestClient.connect(Wars.ws(DeploymentUrls.of("rejecting"), "/registered"),
                Map.of("Origin", "https://elsewhere.example"), List.of())) {
            client.sendText("a");
            assertThat(client.nextText()).isEqualTo("registered a");
        } finally {
            deployer.undeploy("rejecting");
        }
    }

    /** Deploys, talks to the application's registration, and checks that this deployment logged WSD-0412. */
    private void stays(String deployment) {
        int warnings = ServerLog.timesLogged("WSD-0412 class " + Registered.class.getName()
                + ": the application registered \"/registered\" itself with ServerContainer.addEndpoint",
                () -> deployer.deploy(deployment));
        try {
            URL base = DeploymentUrls.of(deployment);
            try (WsTestClient client = WsTestClient.connect(Wars.ws(base, "/registered"))) {
                client.sendText("a");
                assertThat(client.nextText()).isEqualTo("registered a");
            }
            // one server serves every deployment of the run: the line must be this deployment's
            assertThat(warnings).isPositive();
        } finally {
            deployer.undeploy(deployment);
        }
    }
}
