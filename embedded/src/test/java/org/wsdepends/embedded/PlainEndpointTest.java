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
        try (Client client = Client.connect(server.uri("/echo"))) {
            String first = client.sendAndReceive("hello");
            String second = client.sendAndReceive("world");

            assertThat(first).matches("echo #\\d+: hello");
            assertThat(second).matches("echo #\\d+: world");
        }
        assertThat(greeter.calls()).isEqualTo(before + 2);
    }

    @Test
    void releasesTheEndpointWhenTheConnectionCloses() throws Exception {
        Recorder recorder = Recorder.of(server);
        int destroyed = count(recorder, "destroyed");
        Client client = Client.connect(server.uri("/echo"));
        client.sendAndReceive("x");

        Client.Closed closed = client.closeNormally();

        assertThat(closed.code()).isEqualTo(1000);
        recorder.await("destroyed", destroyed + 1);
        assertThat(recorder.events()).containsSubsequence("created", "open", "close 1000", "destroyed");
    }

    @Test
    void createsOneEndpointInstancePerConnection() throws Exception {
        try (Client a = Client.connect(server.uri("/echo")); Client b = Client.connect(server.uri("/echo"))) {
            String first = a.sendAndReceive("instance");
            String second = b.sendAndReceive("instance");

            assertThat(first).startsWith("instance ");
            assertThat(second).startsWith("instance ").isNotEqualTo(first);
            assertThat(a.sendAndReceive("instance")).isEqualTo(first);
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
        assertThat(Client.get(server.httpUri("/nothing-here")).statusCode()).isEqualTo(404);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Client.connect(server.uri("/nothing-here")))
                .hasCauseInstanceOf(java.net.http.WebSocketHandshakeException.class)
                .rootCause().hasMessageContaining("404");
    }

    private static int count(Recorder recorder, String event) {
        return (int) recorder.events().stream().filter(event::equals).count();
    }

    record Bounded(@Min(1) int value) {
    }
}
