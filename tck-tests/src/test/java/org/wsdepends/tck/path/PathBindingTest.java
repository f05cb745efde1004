package org.wsdepends.tck.path;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeployedWarTest;
import org.wsdepends.tck.support.Wars;

/** @Path on fields, Jakarta's @PathParam on constructor, producer and handler parameters. */
public class PathBindingTest extends DeployedWarTest {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Wars.war("path", PathApp.class);
    }

    @Test
    void pathVariablesReachFieldsConstructorsProducersAndHandlers() {
        try (WsTestClient client = WsTestClient.connect(uri("/items/42/specs"))) {
            assertThat(client.nextText()).isEqualTo("42 42 specs specs");
            client.sendText("m");
            assertThat(client.nextText()).isEqualTo("m 42 specs");
        }
    }

    @Test
    void anInjectConstructorWithOnlyJakartasPathParamIsServedByWsDepends() {
        try (WsTestClient client = WsTestClient.connect(uri("/rooms/lobby"))) {
            assertThat(client.nextText()).isEqualTo("room lobby");
        }
    }

    @Test
    void anUnknownOrBracedPathParamNameIsNullAsJakartaSays() {
        try (WsTestClient client = WsTestClient.connect(uri("/unknown/lobby"))) {
            client.sendText("hi");
            assertThat(client.nextText()).isEqualTo("hi lobby null null");
        }
    }

    @Test
    void invalidPathVariablesAreReportedOncePerDeclaration() {
        try (WsTestClient client = WsTestClient.connect(uri("/items/zero/specs"))) {
            assertThat(client.nextText()).isEqualTo("{\"detail\":[{\"type\":\"int_parsing\",\"loc\":[\"path\",\"id\"],"
                    + "\"msg\":\"Input should be a valid integer, unable to parse string as an integer\",\"input\":\"zero\"}]}");
            assertThat(client.nextClose().code()).isEqualTo(1008);
        }
        try (WsTestClient client = WsTestClient.connect(uri("/items/0/specs"))) {
            assertThat(client.nextText()).isEqualTo("{\"detail\":[{\"type\":\"greater_than_equal\",\"loc\":[\"path\",\"id\"],"
                    + "\"msg\":\"Input should be greater than or equal to 1\",\"input\":\"0\",\"ctx\":{\"ge\":1}}]}");
            assertThat(client.nextClose().code()).isEqualTo(1008);
        }
    }
}
