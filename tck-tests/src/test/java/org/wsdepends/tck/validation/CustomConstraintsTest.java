package org.wsdepends.tck.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeployedWarTest;
import org.wsdepends.tck.support.Wars;

/**
 * Design §4: any constraint validates a handshake value, as Bean Validation defines it: a custom constraint is
 * reported with its simple name in snake_case and its message, {@code @Email} likewise, and a composed constraint
 * through its composing constraints in pydantic's words. Errors of one location come in the order of their types.
 */
public class CustomConstraintsTest extends DeployedWarTest {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Wars.war("custom-constraints", CustomConstraintsApp.class);
    }

    @Test
    void validValuesPass() {
        try (WsTestClient client = WsTestClient.connect(uri("/custom/lobby?email=ann%40example.org&handle=ann_1"))) {
            assertThat(client.nextText()).isEqualTo("lobby ann@example.org ann_1");
        }
    }

    @Test
    void customEmailAndComposedConstraintsAreReportedTogether() {
        try (WsTestClient client = WsTestClient.connect(uri("/custom/attic?email=nobody&handle=A!"))) {
            assertThat(client.nextText()).isEqualTo("{\"detail\":["
                    + "{\"type\":\"string_pattern_mismatch\",\"loc\":[\"query\",\"handle\"],\"msg\":\"String should match pattern"
                    + " '[a-z0-9_]+'\",\"input\":\"A!\",\"ctx\":{\"pattern\":\"[a-z0-9_]+\"}},"
                    + "{\"type\":\"string_too_short\",\"loc\":[\"query\",\"handle\"],\"msg\":\"String should have at least 3"
                    + " characters\",\"input\":\"A!\",\"ctx\":{\"min_length\":3}},"
                    + "{\"type\":\"valid_room\",\"loc\":[\"path\",\"room\"],\"msg\":\"must be a known room\",\"input\":\"attic\"},"
                    + "{\"type\":\"email\",\"loc\":[\"query\",\"email\"],\"msg\":\"must be a well-formed email address\","
                    + "\"input\":\"nobody\"}]}");
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(closed.reason()).startsWith("[{\"type\":\"string_pattern_mismatch\",\"loc\":[\"query\",\"handle\"]")
                    .endsWith("...");
        }
    }
}
