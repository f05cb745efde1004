package org.wsdepends.tck.reject;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.security.OriginsApp;
import org.wsdepends.tck.support.DeployedWarTest;
import org.wsdepends.tck.support.RawHandshake;
import org.wsdepends.tck.support.Wars;

/**
 * Design §5: {@code org.wsdepends.reject=http} makes rejection before the upgrade the WAR's default, an endpoint's
 * {@code @RejectBeforeUpgrade(false)} wins over it, and a refused origin is a 403 before the upgrade on every
 * runtime (in the default mode Undertow answers it with 404).
 */
public class RejectByDefaultTest extends DeployedWarTest {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Wars.war("reject-default", RejectByDefaultApp.class, OriginsApp.class).addAsResource(new StringAsset(
                "org.wsdepends.reject=http\norg.wsdepends.allowed-origins=https://chat.example.com\n"),
                "META-INF/wsdepends.properties");
    }

    private RawHandshake handshake(String path, Map<String, String> headers) {
        return RawHandshake.send(Wars.http(base, path), headers);
    }

    @Test
    void theDeploymentsSettingRejectsBeforeTheUpgrade() {
        RawHandshake answer = handshake("/hello", Map.of());

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body()).isEqualTo(
                "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"query\",\"name\"],\"msg\":\"Field required\",\"input\":null}]}");
        try (WsTestClient client = WsTestClient.connect(uri("/hello?name=ann"))) {
            assertThat(client.nextText()).isEqualTo("hello ann");
        }
    }

    @Test
    void anEndpointsAnnotationWinsOverTheSetting() {
        assertThat(handshake("/page", Map.of()).status()).isEqualTo(101);
        try (WsTestClient client = WsTestClient.connect(uri("/page"))) {
            assertMissingQueryParameter(client, "name");
        }
    }

    @Test
    void aRefusedOriginGets403BeforeTheUpgrade() {
        RawHandshake answer = handshake("/hello?name=eve", Map.of("Origin", "https://evil.example"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).isEqualTo("{\"detail\":\"Forbidden origin\"}");
        assertThat(handshake("/hello?name=ann", Map.of("Origin", "https://chat.example.com")).status()).isEqualTo(101);
        assertThat(EVENTS.events()).isEqualTo(List.of());
    }
}
