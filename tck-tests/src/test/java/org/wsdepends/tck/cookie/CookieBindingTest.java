package org.wsdepends.tck.cookie;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeployedWarTest;
import org.wsdepends.tck.support.Wars;

/** @Cookie: RFC 6265 parsing of the Cookie header, quoted values, missing and invalid cookies. */
public class CookieBindingTest extends DeployedWarTest {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Wars.war("cookie", CookieApp.class);
    }

    @Test
    void cookiesAreReadFromTheCookieHeader() {
        try (WsTestClient client = WsTestClient.connect(uri("/cookies"),
                Map.of("Cookie", "session=\"abc=1\"; visits=3; other"), List.of())) {
            assertThat(client.nextText()).isEqualTo("abc=1 3 default");
        }
    }

    @Test
    void missingAndInvalidCookiesAreReported() {
        try (WsTestClient client = WsTestClient.connect(uri("/cookies"), Map.of("Cookie", "visits=many"), List.of())) {
            assertThat(client.nextText()).isEqualTo("{\"detail\":["
                    + "{\"type\":\"missing\",\"loc\":[\"cookie\",\"session\"],\"msg\":\"Field required\",\"input\":null},"
                    + "{\"type\":\"int_parsing\",\"loc\":[\"cookie\",\"visits\"],\"msg\":\"Input should be a valid integer, unable to parse string as an integer\",\"input\":\"many\"}]}");
            assertThat(client.nextClose().code()).isEqualTo(1008);
        }
    }
}
