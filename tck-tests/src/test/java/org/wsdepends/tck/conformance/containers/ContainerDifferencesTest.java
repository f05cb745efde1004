package org.wsdepends.tck.conformance.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeployedWarTest;
import org.wsdepends.tck.support.Wars;

/**
 * Where the containers' own dispatch differs (research/containers.md §3, §5), wrapped endpoints behave the same on
 * every runtime. Each test pins the wsdepends behaviour and, as evidence, what the container does for a plain
 * annotated endpoint. (WildFly 39+'s validation of endpoint injection points at deployment:
 * {@link DeploymentValidationTest}; {@code @OnClose} re-entrance: the differential dispatch test.)
 */
public class ContainerDifferencesTest extends DeployedWarTest {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Wars.war("containers", ContainerDifferencesApp.class);
    }

    @Test
    void aWrappedEndpointIsCreatedWhenTheConnectionOpensOnEveryRuntime() {
        try (WsTestClient client = WsTestClient.connect(uri("/wrapped/no-onopen?who=a"))) {
            // no @OnOpen, no message: created with its dependencies all the same
            assertThat(EVENTS.awaitEvent("wrapped endpoint created for a"))
                    .containsExactly("open a", "wrapped endpoint created for a");
            client.sendText("x");
            assertThat(client.nextText()).isEqualTo("x");
        }
        assertThat(EVENTS.awaitEvent("close a")).containsExactly("open a",
                "wrapped endpoint created for a", "close a");
    }

    @Test
    void containersCreatePlainEndpointsWithoutOnOpenEagerlyOrLazily() throws InterruptedException {
        try (WsTestClient client = WsTestClient.connect(uri("/plain/no-onopen"))) {
            if (undertow()) {
                // Undertow calls getEndpointInstance eagerly, at the handshake
                EVENTS.awaitEvent("plain endpoint created");
            } else {
                // Tyrus lazily, at the first callback: none yet
                Thread.sleep(1_000);
                assertThat(EVENTS.events()).doesNotContain("plain endpoint created");
            }
            client.sendText("x");
            assertThat(client.nextText()).isEqualTo("x");
            assertThat(EVENTS.awaitEvent("plain endpoint created")).containsOnlyOnce("plain endpoint created");
        }
    }

    @Test
    void aHandshakeErrorClosesAtOnceWithoutOnOpenOrAMessage() {
        try (WsTestClient client = WsTestClient.connect(uri("/wrapped/no-onopen"))) {
            assertThat(client.nextText()).isEqualTo(
                    "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"query\",\"who\"],\"msg\":\"Field required\",\"input\":null}]}");
            assertThat(client.nextClose().code()).isEqualTo(1008);
        }
        assertThat(EVENTS.events()).doesNotContain("wrapped endpoint created for null");
    }

    @Test
    void anExceptionEscapingOnOpenClosesWith1011AfterCleanupOnEveryRuntime() {
        try (WsTestClient client = WsTestClient.connect(uri("/wrapped/open-throws?who=a"))) {
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(1011);
            assertThat(closed.reason()).isEqualTo("Internal server error");
        }
        assertThat(EVENTS.awaitEvent("wrapped @OnClose 1011"))
                .containsExactly("open a", "close a", "wrapped @OnClose 1011");
    }

    @Test
    void containersKeepAPlainEndpointOpenWhenItsOnOpenThrows() {
        // what wsdepends does not copy: the exception is logged and the connection serves messages as if nothing happened
        try (WsTestClient client = WsTestClient.connect(uri("/plain/open-throws"))) {
            assertThat(client.silentFor(Duration.ofMillis(500))).isTrue();
            client.sendText("x");
            assertThat(client.nextText()).isEqualTo("echo:x");
        }
        assertThat(EVENTS.awaitEvent("plain @OnClose 1000")).containsExactly("plain @OnClose 1000");
    }

    @Test
    void anExceptionInOnOpenGoesToTheEndpointsOnErrorAndTheConnectionStaysOpen() {
        for (String variant : List.of("plain", "wrapped")) {
            EVENTS.clear();
            try (WsTestClient client = WsTestClient.connect(uri("/" + variant + "/open-throws-handled?who=a"))) {
                EVENTS.awaitEvent(variant + " @OnError IllegalStateException");
                client.sendText("x");
                assertThat(client.nextText()).isEqualTo("echo:x");
            }
        }
        assertThat(EVENTS.awaitEvent("close a")).containsExactly("open a",
                "wrapped @OnError IllegalStateException", "close a");
    }

    /** Undertow (WildFly, WildFly Preview); the other runtimes run Tyrus. */
    private static boolean undertow() {
        return "wildfly".equals(System.getProperty("wsdepends.tck.container"));
    }
}
