package org.wsdepends.tck.reject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wsdepends.tck.support.RawHandshake.assertJson;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeployedWarTest;
import org.wsdepends.tck.support.RawHandshake;
import org.wsdepends.tck.support.ServerLog;
import org.wsdepends.tck.support.Wars;

/**
 * Design §5, rejection before the upgrade: endpoints with {@code @RejectBeforeUpgrade} answer a failed handshake
 * with an HTTP status and FastAPI's JSON body, nothing is upgraded, no endpoint instance is created and what was
 * created is disposed once; a success upgrades and uses what was resolved, without resolving again. The WAR's
 * default stays the error frame and close 1008. Raw HTTP over a socket, on every runtime.
 */
public class RejectTest extends DeployedWarTest {

    private static final String INVALID_ITEM = "[{\"type\":\"greater_than_equal\",\"loc\":[\"path\",\"id\"],"
            + "\"msg\":\"Input should be greater than or equal to 1\",\"input\":\"0\",\"ctx\":{\"ge\":1}},"
            + "{\"type\":\"missing\",\"loc\":[\"query\",\"q\"],\"msg\":\"Field required\",\"input\":null}]";

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Wars.war("reject", RejectApp.class);
    }

    private RawHandshake handshake(String path, Map<String, String> headers) {
        return RawHandshake.send(Wars.http(base, path), headers);
    }

    private RawHandshake handshake(String path) {
        return handshake(path, Map.of());
    }

    /** The connection dependency was created once and disposed once, and no endpoint instance was made. */
    private static void assertCreatedAndDisposedOnce(List<String> events) {
        assertThat(events).hasSize(2);
        String number = events.get(0).replaceAll("lease (\\d+) created", "$1");
        assertThat(events).containsExactly("lease " + number + " created", "lease " + number + " disposed");
    }

    @Test
    void invalidValuesGet422WithTheErrorsOfTheDefaultModesFrame() {
        RawHandshake answer = handshake("/items/0");

        assertJson(answer, 422, "{\"detail\":" + INVALID_ITEM + "}");
        // Undertow names it after RFC 4918, the embedded runtime after RFC 9110; Payara's Grizzly knows no name for
        // it, and Servlet 6 has no way to set one
        String container = System.getProperty("wsdepends.tck.container");
        assertThat(answer.reason()).isEqualTo(container.startsWith("payara") ? "CUSTOM"
                : "wildfly".equals(container) ? "Unprocessable Entity" : "Unprocessable Content");
        assertCreatedAndDisposedOnce(EVENTS.events());

        try (WsTestClient client = WsTestClient.connect(uri("/default/0"))) {
            assertThat(client.nextText()).isEqualTo("{\"detail\":" + INVALID_ITEM + "}");
            assertThat(client.nextClose().code()).isEqualTo(1008);
        }
    }

    @Test
    void aWebSocketException1008Gets403WithItsReason() {
        assertJson(handshake("/items/3?q=x&fail=policy"), 403, "{\"detail\":\"Closed for \\\"maintenance\\\"\"}");
        assertCreatedAndDisposedOnce(EVENTS.events());
    }

    @Test
    void aWebSocketException1013Gets503WithRetryAfter() {
        RawHandshake answer = handshake("/items/3?q=x&fail=busy");

        assertJson(answer, 503, "{\"detail\":\"Too many rooms\"}");
        assertThat(answer.header("Retry-After")).containsExactly("5");
        assertCreatedAndDisposedOnce(EVENTS.events());
    }

    @Test
    void anyOtherFailureGets500WithAGenericBodyAndIsLoggedOnce() {
        String logged = "Refused a handshake of WS /items/{id} (" + RejectApp.ItemEndpoint.class.getName()
                + ") before the upgrade with 500";

        int times = timesLogged(logged, () -> assertJson(handshake("/items/3?q=x&fail=bug"), 500,
                "{\"detail\":\"Internal server error\"}"));

        assertThat(times).isEqualTo(1);
        assertCreatedAndDisposedOnce(EVENTS.events());
    }

    /**
     * How often the server logged a text while the action ran: the embedded runtime logs in this JVM, the servers
     * to their log file, which they may write a little later.
     */
    private static int timesLogged(String text, Runnable action) {
        if ("embedded".equals(System.getProperty("wsdepends.tck.container"))) {
            List<String> messages = new CopyOnWriteArrayList<>();
            Handler handler = new Handler() {
                @Override
                public void publish(LogRecord record) {
                    messages.add(record.getMessage());
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            Logger logger = Logger.getLogger("org.wsdepends");
            logger.addHandler(handler);
            try {
                action.run();
            } finally {
                logger.removeHandler(handler);
            }
            return (int) messages.stream().filter(message -> message != null && message.contains(text)).count();
        }
        // a second line would come with the first: the server logs a refusal before it answers
        return ServerLog.timesLogged(text, action);
    }

    @Test
    void notAuthenticatedGets401WithAChallengePerDeclaredSchemeInDeclarationOrder() {
        RawHandshake answer = handshake("/admin", Map.of("Authorization", "Bearer nobody"));

        assertJson(answer, 401, "{\"detail\":\"Not authenticated\"}");
        assertThat(answer.header("WWW-Authenticate")).containsExactly("Bearer", "Basic realm=\"wsdepends\"", "ApiKey");
        assertThat(EVENTS.events()).isEmpty();
    }

    @Test
    void aMissingRoleGets403Forbidden() {
        assertJson(handshake("/admin", Map.of("Authorization", "Bearer user-token")), 403, "{\"detail\":\"Forbidden\"}");
        assertCreatedAndDisposedOnce(EVENTS.events());
    }

    @Test
    void aSuccessUpgradesAndTheConnectionUsesWhatWasResolvedBeforeIt() {
        String number;
        try (WsTestClient client = WsTestClient.connect(uri("/items/7?q=x"))) {
            String text = client.nextText();
            number = text.replaceAll("item 7 x with lease (\\d+)", "$1");
            assertThat(text).isEqualTo("item 7 x with lease " + number);
            assertThat(EVENTS.events()).containsExactly("lease " + number + " created", "item endpoint created");
        }
        // the client closed: the connection disposes what was resolved before the upgrade, once
        assertThat(EVENTS.awaitEvent("lease " + number + " disposed"))
                .containsExactly("lease " + number + " created", "item endpoint created", "lease " + number + " disposed");
    }

    @Test
    void aSuccessfulRawHandshakeGets101() {
        RawHandshake answer = handshake("/admin", Map.of("Authorization", "Bearer admin-token"));

        assertThat(answer.status()).isEqualTo(101);
        assertThat(answer.header("Sec-WebSocket-Accept")).containsExactly("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        // the connection opened with what was resolved before the upgrade: one lease, one endpoint instance
        List<String> events = EVENTS.await(list -> list.contains("admin endpoint created"));
        assertThat(events).containsOnlyOnce("admin endpoint created");
        assertThat(events.stream().filter(event -> event.matches("lease \\d+ created"))).hasSize(1);
    }

    @Test
    void aLiteralPathBeatsTheTemplateAndKeepsItsEndpointsDefaultMode() {
        RawHandshake answer = handshake("/items/all");

        assertThat(answer.status()).isEqualTo(101);
    }
}
