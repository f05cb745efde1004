package org.wsdepends.tck.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeployedWarTest;
import org.wsdepends.tck.support.Wars;

/** Typed JSON messages (design §3): JSON-B decoding and encoding, @Valid errors keep the connection open, bad JSON closes 1007. */
public class MessageValidationTest extends DeployedWarTest {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Wars.war("validation-messages", MessageValidationApp.class);
    }

    @Test
    void jsonMessagesAreDecodedAndResultsEncoded() {
        try (WsTestClient client = WsTestClient.connect(uri("/orders?shop=s1"))) {
            client.sendText("{\"item\":\"tea\",\"quantity\":2}");
            assertThat(client.nextText()).isEqualTo("{\"item\":\"s1:tea\",\"quantity\":2}");
        }
    }

    @Test
    void constraintViolationsSendAnErrorFrameAndKeepTheConnectionOpen() {
        try (WsTestClient client = WsTestClient.connect(uri("/orders?shop=s1"))) {
            client.sendText("{\"item\":\" \",\"quantity\":0,\"note\":\"toolong\"}");
            assertThat(client.nextText()).isEqualTo("{\"detail\":["
                    + "{\"type\":\"not_blank\",\"loc\":[\"body\",\"item\"],\"msg\":\"must not be blank\",\"input\":\" \"},"
                    + "{\"type\":\"string_too_long\",\"loc\":[\"body\",\"note\"],\"msg\":\"String should have at most 3 characters\",\"input\":\"toolong\",\"ctx\":{\"max_length\":3}},"
                    + "{\"type\":\"greater_than_equal\",\"loc\":[\"body\",\"quantity\"],\"msg\":\"Input should be greater than or equal to 1\",\"input\":0,\"ctx\":{\"ge\":1}}"
                    + "]}");
            client.sendText("{\"item\":\"tea\",\"quantity\":1}");
            assertThat(client.nextText()).isEqualTo("{\"item\":\"s1:tea\",\"quantity\":1}");
        }
    }

    @Test
    void malformedJsonClosesWith1007() {
        try (WsTestClient client = WsTestClient.connect(uri("/orders?shop=s1"))) {
            client.sendText("{not json");
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(1007);
            assertThat(closed.reason()).startsWith("Invalid JSON for Order");
            assertThat(closed.reason().getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(123);
        }
    }
}
