package org.wsdepends.tck.exceptions;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeployedWarTest;
import org.wsdepends.tck.support.Wars;

/** An ExceptionHandler bean for RequestValidationException replaces the default error frame and 1008 (design §4). */
public class ReplacedValidationHandlerTest extends DeployedWarTest {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Wars.war("exceptions-replaced", ReplacedValidationApp.class);
    }

    @Test
    void aUserValidationHandlerReplacesTheDefault() {
        try (WsTestClient client = WsTestClient.connect(uri("/replaced?n=x"))) {
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(4422);
            assertThat(closed.reason()).isEqualTo("1 int_parsing");
        }
    }
}
