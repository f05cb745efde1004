package org.wsdepends.tck.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeployedWarTest;
import org.wsdepends.tck.support.Wars;

/** FastAPI E2/E3: every error is collected; a dependency's errors come first, then path, query, header, cookie. */
public class ErrorOrderTest extends DeployedWarTest {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Wars.war("validation-order", ErrorOrderApp.class);
    }

    @Test
    void dependencyErrorsFirstThenPathQueryHeaderCookie() {
        try (WsTestClient client = WsTestClient.connect(uri("/mixed/x?qq=y"), Map.of("Cookie", "s=z"), List.of())) {
            String detail = client.nextText();
            assertThat(detail).containsSubsequence("[\"header\",\"x-dep\"]", "[\"path\",\"pid\"]", "[\"query\",\"qq\"]",
                    "[\"cookie\",\"s\"]");
            assertThat(detail.split("\"type\"")).hasSize(5);
            assertThat(client.nextClose().code()).isEqualTo(1008);
        }
    }
}
