package org.wsdepends.tck.exceptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.Wars;

/** An ExceptionHandler bean for RequestValidationException replaces the default error frame and 1008 (design §4). */
@ExtendWith(ArquillianExtension.class)
public class ReplacedValidationHandlerTest {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Wars.war("exceptions-replaced", ReplacedValidationApp.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void aUserValidationHandlerReplacesTheDefault() {
        try (WsTestClient client = WsTestClient.connect(Wars.ws(base, "/replaced?n=x"))) {
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(4422);
            assertThat(closed.reason()).isEqualTo("1 int_parsing");
        }
    }
}
