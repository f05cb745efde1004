package org.wsdepends.tck.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wsdepends.embedded.WsTestClient;

/**
 * The base of the test classes that deploy one WAR, with a static {@code @Deployment(testable = false)} method of
 * their own, and talk to it as a client: the deployment's URL, {@code ws://} URIs into it, and what the server side
 * recorded, emptied before each test.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class DeployedWarTest {

    /** What the deployed code recorded ({@link Events}) since the current test began. */
    protected static final Recorder EVENTS = new Recorder();

    /** The deployment's URL, with its context path, as the container reports it. */
    @ArquillianResource
    protected URL base;

    @BeforeEach
    final void forgetEarlierEvents() {
        EVENTS.clear();
    }

    /**
     * @param path the path below the context path, starting with "/", with the query if any
     * @return its {@code ws://} URI over loopback
     */
    protected URI uri(String path) {
        return Wars.ws(base, path);
    }

    /**
     * Asserts design §4's answer to a handshake without one required query parameter: the error frame, then a close
     * 1008 whose reason is the errors.
     *
     * @param client the connection, before it received anything
     * @param name   the missing parameter
     */
    protected static void assertMissingQueryParameter(WsTestClient client, String name) {
        String errors = "[{\"type\":\"missing\",\"loc\":[\"query\",\"" + name + "\"],\"msg\":\"Field required\",\"input\":null}]";
        assertThat(client.nextText()).isEqualTo("{\"detail\":" + errors + "}");
        WsTestClient.Closed closed = client.nextClose();
        assertThat(closed.code()).isEqualTo(1008);
        assertThat(closed.reason()).isEqualTo(errors);
    }
}
