package org.wsdepends.tck.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeployedWarTest;
import org.wsdepends.tck.support.Wars;

/**
 * Design §5: with org.wsdepends.allowed-origins set, a browser from another origin is refused before the upgrade
 * (cross-site WebSocket hijacking): 403 on Tyrus (embedded, Payara), 404 on Undertow (WildFly), which answers a
 * refused checkOrigin by not upgrading; listed origins and clients without Origin connect.
 */
public class AllowedOriginsTest extends DeployedWarTest {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Wars.war("origins", OriginsApp.class).addAsResource(
                new StringAsset("org.wsdepends.allowed-origins=https://chat.example.com\n"), "META-INF/wsdepends.properties");
    }

    @Test
    void aListedOriginAndAClientWithoutOneConnect() {
        try (WsTestClient client = WsTestClient.connect(uri("/hello?name=ann"), Map.of("Origin", "https://CHAT.example.com"),
                List.of())) {
            assertThat(client.nextText()).isEqualTo("hello ann");
        }
        try (WsTestClient client = WsTestClient.connect(uri("/hello?name=bob"))) {
            assertThat(client.nextText()).isEqualTo("hello bob");
        }
    }

    @Test
    void anotherOriginIsRefusedBeforeTheUpgrade() {
        Throwable refused = catchThrowable(() -> WsTestClient.connect(uri("/hello?name=eve"),
                Map.of("Origin", "https://evil.example"), List.of()).close());

        // Tyrus answers a refused checkOrigin with 403; Undertow lets the request go on to the servlets, so 404
        String status = "wildfly".equals(System.getProperty("wsdepends.tck.container")) ? "404" : "403";
        assertThat(refused).isNotNull();
        assertThat(refused).rootCause().hasMessage("Unexpected HTTP response status code " + status);
    }
}
