package org.wsdepends.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Endpoints wsdepends leaves to Tyrus still get CDI: injection, @PostConstruct, @PreDestroy on close. */
class PlainEndpointTest {

    private static WsDependsServer server;

    @BeforeAll
    static void start() {
        server = WsDependsServer.builder()
                .port(0)
                .endpoints(EchoEndpoint.class)
                .beans(Greeter.class, Recorder.class)
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void echoesThroughTheInjectedBean() throws Exception {
        Greeter greeter = server.beanManager().createInstance().select(Greeter.class).get();
        int before = greeter.calls();
        try (WsTestClient client = WsTestClient.connect(server.uri("/echo"))) {
            String first = client.send("hello").nextText();
            String second = client.send("world").nextText();

            assertThat(first).matches("echo #\\d+: hello");
            assertThat(second).matches("echo #\\d+: world");
        }
        assertThat(greeter.calls()).isEqualTo(before + 2);
    }

    @Test
    void releasesTheEndpointWhenTheConnectionCloses() throws Exception {
        Recorder recorder = Recorder.of(server);
        int destroyed = count(recorder, "destroyed");
        WsTestClient client = WsTestClient.connect(server.uri("/echo"));
        client.send("x").nextText();

        WsTestClient.Closed closed = client.close(1000, "bye");

        assertThat(closed.code()).isEqualTo(1000);
        recorder.await("destroyed", destroyed + 1);
        assertThat(recorder.events()).containsSubsequence("created", "open", "close 1000", "destroyed");
    }

    @Test
    void createsOneEndpointInstancePerConnection() throws Exception {
        try (WsTestClient a = WsTestClient.connect(server.uri("/echo")); WsTestClient b = WsTestClient.connect(server.uri("/echo"))) {
            String first = a.send("instance").nextText();
            String second = b.send("instance").nextText();

            assertThat(first).startsWith("instance ");
            assertThat(second).startsWith("instance ").isNotEqualTo(first);
            assertThat(a.send("instance").nextText()).isEqualTo(first);
        }
    }

    @Test
    void makesTheValidatorInjectable() {
        Validator validator = server.beanManager().createInstance().select(Validator.class).get();

        Set<?> violations = validator.validate(new Bounded(0));

        assertThat(violations).hasSize(1);
    }

    @Test
    void answersUpgradesToUnknownPathsWith404() throws Exception {
        assertThat(Http.get(server.httpUri("/nothing-here")).statusCode()).isEqualTo(404);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WsTestClient.connect(server.uri("/nothing-here")))
                .hasCauseInstanceOf(java.net.http.WebSocketHandshakeException.class)
                .rootCause().hasMessageContaining("404");
    }

    private static int count(Recorder recorder, String event) {
        return (int) recorder.events().stream().filter(event::equals).count();
    }

    record Bounded(@Min(1) int value) {
    }
}
