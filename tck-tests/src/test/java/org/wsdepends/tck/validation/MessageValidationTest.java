package org.wsdepends.tck.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeployedWarTest;
import org.wsdepends.tck.support.ServerLog;
import org.wsdepends.tck.support.Wars;

/** Typed JSON messages (design §3): JSON-B decoding and encoding, @Valid errors keep the connection open, bad JSON closes 1007, JSON beyond its limits 1009. */
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
    void malformedJsonClosesWith1007AndAGenericReason() {
        for (String malformed : new String[] {"{not json", "{\"item\":\"tea\",\"quantity\":1} trailing"}) {
            try (WsTestClient client = WsTestClient.connect(uri("/orders?shop=s1"))) {
                client.sendText(malformed);
                assertThat(client.nextClose()).as(malformed).isEqualTo(new WsTestClient.Closed(1007, "Invalid JSON"));
            }
        }
    }

    @Test
    void numbersThatDoNotFitAnIntegralFieldAreErrorFramesAndTheConnectionStays() {
        try (WsTestClient client = WsTestClient.connect(uri("/orders?shop=s1"))) {
            client.sendText("{\"item\":\"tea\",\"quantity\":1.5}");
            assertThat(client.nextText()).isEqualTo("{\"detail\":[{\"type\":\"int_from_float\",\"loc\":[\"body\",\"quantity\"],"
                    + "\"msg\":\"Input should be a valid integer, got a number with a fractional part\",\"input\":1.5}]}");
            client.sendText("{\"item\":\"tea\",\"quantity\":99999999999}");
            assertThat(client.nextText()).isEqualTo("{\"detail\":[{\"type\":\"less_than_equal\",\"loc\":[\"body\",\"quantity\"],"
                    + "\"msg\":\"Input should be less than or equal to 2147483647\",\"input\":99999999999,"
                    + "\"ctx\":{\"le\":2147483647}}]}");
            client.sendText("{\"item\":\"tea\",\"quantity\":2}");
            assertThat(client.nextText()).isEqualTo("{\"item\":\"s1:tea\",\"quantity\":2}");
        }
    }

    @Test
    void deepNestingAndHugeNumbersClose1009BeforeJsonBReadsThem() {
        try (WsTestClient client = WsTestClient.connect(uri("/orders?shop=s1"))) {
            client.sendText("[".repeat(100_000));
            assertThat(client.nextClose()).isEqualTo(new WsTestClient.Closed(1009, "JSON nested deeper than 64 levels"));
        }
        try (WsTestClient client = WsTestClient.connect(uri("/orders?shop=s1"))) {
            client.sendText("{\"item\":\"tea\",\"quantity\":1e100000000}");
            assertThat(client.nextClose()).isEqualTo(new WsTestClient.Closed(1009, "JSON number too long or too large"));
        }
        try (WsTestClient client = WsTestClient.connect(uri("/orders?shop=s1"))) {
            client.sendText("{\"item\":\"tea\",\"quantity\":1}");
            assertThat(client.nextText()).as("the server still serves").isEqualTo("{\"item\":\"s1:tea\",\"quantity\":1}");
        }
        assertThat(ServerLog.text()).as("fragments arriving after the 1009 are no error of the endpoint")
                .doesNotContain("Unhandled exception in WS /orders");
    }
}
