package org.wsdepends.tck.wrapall;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeploymentUrls;
import org.wsdepends.tck.support.Wars;
import org.wsdepends.tck.wrapall.WrapAllApp.PlainEndpoint;

/**
 * Plain endpoints are left to the container unless org.wsdepends.wrap=all (design §3), here set in the WAR's
 * META-INF/wsdepends.properties or as a servlet context parameter in its web.xml. The WARs are deployed one after
 * the other.
 */
@ExtendWith(ArquillianExtension.class)
public class WrapAllTest {

    @Deployment(name = "wrap-all", managed = false, testable = false)
    public static WebArchive wrapAll() {
        return Wars.wrapAll("wrapall", WrapAllApp.class);
    }

    @Deployment(name = "wrap-context-param", managed = false, testable = false)
    public static WebArchive wrapAllByContextParameter() {
        return Wars.war("wrapcontext", WrapAllApp.class).setWebXML(new StringAsset("""
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <context-param>
                    <param-name>org.wsdepends.wrap</param-name>
                    <param-value>all</param-value>
                  </context-param>
                </web-app>
                """));
    }

    @Deployment(name = "wrap-default", managed = false, testable = false)
    public static WebArchive wrapDefault() {
        return Wars.war("wrapdefault", WrapAllApp.class);
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void withWrapAllAPlainEndpointGetsTheRequestContextInEveryMessage() {
        deployer.deploy("wrap-all");
        try {
            URL base = DeploymentUrls.of("wrap-all");
            assertThat(reported(base, "wrapped")).containsExactly(PlainEndpoint.class.getName());
            try (WsTestClient client = WsTestClient.connect(Wars.ws(base, "/plain/3"))) {
                client.sendText("a");
                assertThat(client.nextText()).isEqualTo("a3 1 " + PlainEndpoint.class.getName());
                client.sendText("b");
                assertThat(client.nextText()).isEqualTo("b3 1 " + PlainEndpoint.class.getName());
            }
        } finally {
            deployer.undeploy("wrap-all");
        }
    }

    @Test
    void theServletContextParameterWrapsAllToo() {
        Wars.assumeServletContainer("a servlet context parameter; a system property or META-INF/wsdepends.properties sets it there");
        deployer.deploy("wrap-context-param");
        try {
            URL base = DeploymentUrls.of("wrap-context-param");
            assertThat(reported(base, "wrapped")).containsExactly(PlainEndpoint.class.getName());
            try (WsTestClient client = WsTestClient.connect(Wars.ws(base, "/plain/4"))) {
                client.sendText("c");
                assertThat(client.nextText()).isEqualTo("c4 1 " + PlainEndpoint.class.getName());
            }
        } finally {
            deployer.undeploy("wrap-context-param");
        }
    }

    @Test
    void withoutItThePlainEndpointIsLeftToTheContainer() {
        deployer.deploy("wrap-default");
        try {
            URL base = DeploymentUrls.of("wrap-default");
            assertThat(reported(base, "plain")).containsExactly(PlainEndpoint.class.getName());
            assertThat(reported(base, "wrapped")).isEmpty();
        } finally {
            deployer.undeploy("wrap-default");
        }
    }

    /** The endpoint classes the deployment's extension reports as "wrapped" or "plain". */
    private static List<String> reported(URL base, String which) {
        try (WsTestClient probe = WsTestClient.connect(Wars.ws(base, "/extension"))) {
            probe.sendText(which);
            String names = probe.nextText();
            return names.isEmpty() ? List.of() : List.of(names.split(","));
        }
    }
}
