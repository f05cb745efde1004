package org.wsdepends.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wsdepends.embedded.FrameLimitsTest.ascii;
import static org.wsdepends.embedded.FrameLimitsTest.assertServes;
import static org.wsdepends.embedded.FrameLimitsTest.upgraded;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsdepends.core.Settings;

/**
 * Each limit is read from the builder, else the system property, else {@code META-INF/wsdepends.properties},
 * else its default; the server enforces the value at, below and above it; an invalid setting fails the start
 * naming its key.
 */
class LimitsConfigurationTest {

    private static final String MAX_MESSAGE_SIZE = "org.wsdepends.max-message-size";
    private static final String HEADER_READ_TIMEOUT = "org.wsdepends.header-read-timeout";

    @AfterEach
    void clearSystemProperties() {
        System.clearProperty(MAX_MESSAGE_SIZE);
        System.clearProperty(HEADER_READ_TIMEOUT);
    }

    @Test
    void theDefaultsAreDocumented() {
        Limits limits = Limits.resolve(Settings.of(key -> null, null), null, null, null);

        assertThat(limits).isEqualTo(new Limits(16 * 1024 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(30)));
        assertThat(limits.incomingBufferSize()).isEqualTo(16 * 1024 * 1024 + 14);
    }

    @Test
    void theBuilderSetsTheMessageSize() throws Exception {
        try (WsDependsServer server = server().maxMessageSize(1000).start()) {
            assertMessageSizeEnforced(server, 1000);
        }
    }

    @Test
    void theSystemPropertySetsTheMessageSize() throws Exception {
        System.setProperty(MAX_MESSAGE_SIZE, "2KiB");
        try (WsDependsServer server = server().start()) {
            assertMessageSizeEnforced(server, 2048);
        }
    }

    @Test
    void thePropertiesFileSetsTheMessageSizeAndTheSystemPropertyWins(@TempDir Path classes) throws Exception {
        Files.createDirectories(classes.resolve("META-INF"));
        Files.writeString(classes.resolve("META-INF/wsdepends.properties"), MAX_MESSAGE_SIZE + " = 3000\n");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, previous)) {
            thread.setContextClassLoader(loader);
            try (WsDependsServer server = server().start()) {
                assertMessageSizeEnforced(server, 3000);
            }
            System.setProperty(MAX_MESSAGE_SIZE, "2500");
            try (WsDependsServer server = server().start()) {
                assertMessageSizeEnforced(server, 2500);
            }
            // the builder wins over both
            try (WsDependsServer server = server().maxMessageSize(2000).start()) {
                assertMessageSizeEnforced(server, 2000);
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    void theSystemPropertySetsTheHeaderReadTimeout() throws Exception {
        System.setProperty(HEADER_READ_TIMEOUT, "700ms");
        try (WsDependsServer server = server().start(); RawSocket socket = RawSocket.connect(server)) {
            Duration closedAfter = socket.awaitEndOfStream(Duration.ofSeconds(3));
            assertThat(closedAfter).isNotNull().isBetween(Duration.ofMillis(600), Duration.ofMillis(2500));
        }
    }

    @Test
    void theDefaultHeaderReadTimeoutClosesASilentConnectionAfterTenSeconds() throws Exception {
        try (WsDependsServer server = server().start(); RawSocket socket = RawSocket.connect(server)) {
            socket.send("GET / HTTP/1.1\r\n");
            Duration closedAfter = socket.awaitEndOfStream(Duration.ofSeconds(14));
            assertThat(closedAfter).isNotNull().isBetween(Duration.ofMillis(9_900), Duration.ofSeconds(12));
        }
    }

    @Test
    void anInvalidSettingFailsTheStartNamingTheKey() {
        System.setProperty(MAX_MESSAGE_SIZE, "lots");
        assertThatThrownBy(() -> server().start())
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining(MAX_MESSAGE_SIZE).hasMessageContaining("\"lots\"");
        System.setProperty(MAX_MESSAGE_SIZE, "0");
        assertThatThrownBy(() -> server().start()).hasMessageContaining(MAX_MESSAGE_SIZE);
        System.setProperty(MAX_MESSAGE_SIZE, "2GiB");
        assertThatThrownBy(() -> server().start()).hasMessageContaining("2147483633");
        System.clearProperty(MAX_MESSAGE_SIZE);
        System.setProperty(HEADER_READ_TIMEOUT, "-1s");
        assertThatThrownBy(() -> server().start())
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining(HEADER_READ_TIMEOUT).hasMessageContaining("positive duration");
    }

    @Test
    void theBuilderRefusesInvalidLimits() {
        WsDependsServer.Builder builder = WsDependsServer.builder();
        assertThatThrownBy(() -> builder.maxMessageSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.maxMessageSize(Integer.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2147483633");
        assertThatThrownBy(() -> builder.headerReadTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.idleTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.idleTimeout(null)).isInstanceOf(NullPointerException.class);
    }

    private static WsDependsServer.Builder server() {
        return WsDependsServer.builder().port(0)
                .endpoints(FrameLimitsTest.SizeEndpoint.class, EchoEndpoint.class)
                .beans(Greeter.class, Recorder.class);
    }

    /** A message one byte below and at the limit is delivered; one above, whole or in fragments, is 1009. */
    private static void assertMessageSizeEnforced(WsDependsServer server, int limit) throws Exception {
        try (RawSocket socket = upgraded(server, "/size")) {
            socket.send(RawSocket.frame(0x1, true, ascii(limit - 1)));
            assertThat(socket.readFrame().text()).isEqualTo("text " + (limit - 1));
            socket.send(RawSocket.frame(0x2, true, new byte[limit]));
            assertThat(socket.readFrame().text()).isEqualTo("binary " + limit);
            socket.send(RawSocket.frame(0x1, true, ascii(limit + 1)));
            RawSocket.Frame close = socket.readClose();
            assertThat(close.closeCode()).isEqualTo(1009);
            assertThat(close.closeReason()).contains("allowed message size is " + limit + " bytes");
        }
        try (RawSocket socket = upgraded(server, "/size")) {
            socket.send(RawSocket.frame(0x1, false, ascii(limit / 2)))
                    .send(RawSocket.frame(0x0, true, ascii(limit - limit / 2 + 1)));
            assertThat(socket.readClose().closeCode()).isEqualTo(1009);
        }
        assertServes(server);
    }
}
