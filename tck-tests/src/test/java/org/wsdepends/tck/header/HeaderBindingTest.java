package org.wsdepends.tck.header;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeployedWarTest;
import org.wsdepends.tck.support.Wars;

/** @Header: case-insensitive names, kebab-case defaults (FastAPI E5), lists, missing headers. */
public class HeaderBindingTest extends DeployedWarTest {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Wars.war("header", HeaderApp.class);
    }

    @Test
    void namesAreCaseInsensitiveAndDefaultToKebabCase() {
        try (WsTestClient client = WsTestClient.connect(uri("/headers"),
                Map.of("X-TOKEN", "secret", "x-api-version", "2", "X-Tags", "a, b,c"), List.of())) {
            assertThat(client.nextText()).isEqualTo("secret 2 [a, b, c] none");
        }
    }

    @Test
    void aHeaderNamedWithUnderscoresDoesNotCount() {
        try (WsTestClient client = WsTestClient.connect(uri("/headers"),
                Map.of("x_token", "secret", "x-api-version", "x"), List.of())) {
            assertThat(client.nextText()).isEqualTo("{\"detail\":["
                    + "{\"type\":\"missing\",\"loc\":[\"header\",\"x-token\"],\"msg\":\"Field required\",\"input\":null},"
                    + "{\"type\":\"int_parsing\",\"loc\":[\"header\",\"X-Api-Version\"],\"msg\":\"Input should be a valid integer, unable to parse string as an integer\",\"input\":\"x\"}]}");
            assertThat(client.nextClose().code()).isEqualTo(1008);
        }
    }
}
