package org.wsdepends.tck.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeployedWarTest;
import org.wsdepends.tck.support.Wars;

/** @Query: conversions, optional/default/collections, percent-decoding, ParamConverter beans, errors. */
public class QueryBindingTest extends DeployedWarTest {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Wars.war("query", QueryApp.class);
    }

    @Test
    void everyBuiltInConversionAndAConverterBean() {
        String query = "s=a%20b%2Bc&number=-42&flag=yes&amount=12.50&color=GREEN&id=123e4567-e89b-12d3-a456-426614174000"
                + "&day=2026-11-24&wait=PT5S&point=3,4";
        try (WsTestClient client = WsTestClient.connect(uri("/types?" + query))) {
            assertThat(client.nextText()).isEqualTo(
                    "a b+c|-42|true|12.50|GREEN|123e4567-e89b-12d3-a456-426614174000|2026-11-24|PT5S|Point[x=3, y=4]");
        }
    }

    @Test
    void collectionsOptionalAndDefaults() {
        try (WsTestClient client = WsTestClient.connect(uri("/shapes?tag=3&tag=1&kind=a&kind=b&kind=a"))) {
            assertThat(client.nextText()).isEqualTo("[3, 1] [a, b] Optional.empty 1 Optional.empty");
        }
        try (WsTestClient client = WsTestClient.connect(uri("/shapes?maybe=7&page=3&name=bob"))) {
            assertThat(client.nextText()).isEqualTo("[] [] Optional[7] 3 Optional[bob]");
        }
    }

    @Test
    void everyProblemIsReportedWithItsLocation() {
        try (WsTestClient client = WsTestClient.connect(uri("/shapes?tag=1&tag=x&maybe=1.5&name=abcdefg"))) {
            assertThat(client.nextText()).isEqualTo("{\"detail\":["
                    + "{\"type\":\"int_parsing\",\"loc\":[\"query\",\"tag\",1],\"msg\":\"Input should be a valid integer, unable to parse string as an integer\",\"input\":\"x\"},"
                    + "{\"type\":\"int_parsing\",\"loc\":[\"query\",\"maybe\"],\"msg\":\"Input should be a valid integer, unable to parse string as an integer\",\"input\":\"1.5\"},"
                    + "{\"type\":\"string_too_long\",\"loc\":[\"query\",\"name\"],\"msg\":\"String should have at most 5 characters\",\"input\":\"abcdefg\",\"ctx\":{\"max_length\":5}}"
                    + "]}");
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(closed.reason()).startsWith("[{\"type\":\"int_parsing\",\"loc\":[\"query\",\"tag\",1]").endsWith("...");
            assertThat(closed.reason().getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(123);
        }
    }

    @Test
    void enumAndConverterErrorsUsePydanticTypes() {
        String query = "s=x&number=1&flag=maybe&amount=1&color=BLUE&id=nope&day=2026-13-01&wait=PT5S&point=1";
        try (WsTestClient client = WsTestClient.connect(uri("/types?" + query))) {
            String detail = client.nextText();
            assertThat(detail).contains(
                    "{\"type\":\"bool_parsing\",\"loc\":[\"query\",\"flag\"],\"msg\":\"Input should be a valid boolean, unable to interpret input\",\"input\":\"maybe\"}",
                    "{\"type\":\"enum\",\"loc\":[\"query\",\"color\"],\"msg\":\"Input should be 'RED' or 'GREEN'\",\"input\":\"BLUE\",\"ctx\":{\"expected\":\"'RED' or 'GREEN'\"}}",
                    "\"type\":\"uuid_parsing\",\"loc\":[\"query\",\"id\"]",
                    "\"type\":\"date_parsing\",\"loc\":[\"query\",\"day\"]",
                    "{\"type\":\"value_error\",\"loc\":[\"query\",\"point\"],\"msg\":\"Value error, expected x,y\",\"input\":\"1\",\"ctx\":{\"error\":{}}}");
            assertThat(client.nextClose().code()).isEqualTo(1008);
        }
    }
}
