package org.wsdepends.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** Where the server listens, what happens when it cannot, and several servers in one JVM. */
class BindingTest {

    @Test
    void portZeroGivesARealPortInTheUris() throws Exception {
        try (WsDependsServer server = echoServer().port(0).start()) {
            assertThat(server.port()).isBetween(1, 65_535);
            assertThat(server.uri("/echo")).hasToString("ws://127.0.0.1:" + server.port() + "/echo");
            assertThat(server.httpUri("/")).hasToString("http://127.0.0.1:" + server.port() + "/");
            try (WsTestClient client = WsTestClient.connect(server.uri("/echo"))) {
                assertThat(client.send("hi").nextText()).endsWith(": hi");
            }
        }
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        InetAddress external = nonLoopbackAddress()
                .orElse(null);
        assumeTrue(external != null, "this machine has no non-loopback IPv4 address");
        try (WsDependsServer server = echoServer().port(0).start()) {
            assertThat(canConnect(InetAddress.getLoopbackAddress(), server.port())).isTrue();
            assertThat(canConnect(external, server.port())).isFalse();
        }
        // the check above means something: bound to all addresses, the same address is reachable
        try (WsDependsServer server = echoServer().port(0).host("0.0.0.0").start()) {
            assertThat(canConnect(external, server.port())).isTrue();
            assertThat(server.uri("/echo").getHost()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void aTakenPortFailsClearlyAndLeavesNothingRunning() throws Exception {
        Set<String> containersBefore = Set.copyOf(WeldContainer.getRunningContainerIds());
        int port;
        try (WsDependsServer first = echoServer().port(0).start()) {
            port = first.port();

            assertThatThrownBy(() -> echoServer().port(port).start())
                    .isInstanceOf(ServerStartException.class)
                    .hasMessage("Port " + port + " on 127.0.0.1 is already in use: stop the other process or "
                            + "choose another port with .port(...) (0 picks a free one)");
            assertThat(WeldContainer.getRunningContainerIds()).hasSize(containersBefore.size() + 1);
        }
        assertThat(WeldContainer.getRunningContainerIds()).containsExactlyInAnyOrderElementsOf(containersBefore);

        try (WsDependsServer second = echoServer().port(port).start();
             WsTestClient client = WsTestClient.connect(second.uri("/echo"))) {
            assertThat(second.port()).isEqualTo(port);
            assertThat(client.send("again").nextText()).endsWith(": again");
        }
    }

    @Test
    void anUnknownHostFailsClearly() {
        assertThatThrownBy(() -> echoServer().port(0).host("no-such-host.invalid").start())
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("no-such-host.invalid");
    }

    @Test
    void aCdiDeploymentProblemFailsStartAndLeavesNothingRunning() {
        Set<String> containersBefore = Set.copyOf(WeldContainer.getRunningContainerIds());

        assertThatThrownBy(() -> WsDependsServer.builder().port(0).endpoints(Unsatisfied.class).start())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("Unsatisfied");
        assertThat(WeldContainer.getRunningContainerIds()).containsExactlyInAnyOrderElementsOf(containersBefore);
    }

    @Test
    void endpointsTyrusRefusesFailStartAndLeaveNothingRunning() {
        Set<String> containersBefore = Set.copyOf(WeldContainer.getRunningContainerIds());

        assertThatThrownBy(() -> WsDependsServer.builder().port(0)
                .endpoints(EchoEndpoint.class, SamePath.class)
                .beans(Greeter.class, Recorder.class)
                .start())
                .isInstanceOf(ServerStartException.class)
                .hasMessageStartingWith("Tyrus refused the WebSocket endpoints")
                .hasMessageContaining("/echo");
        assertThat(WeldContainer.getRunningContainerIds()).containsExactlyInAnyOrderElementsOf(containersBefore);
    }

    @Test
    void serversRunningAtTheSameTimeKeepTheirOwnBeans() throws Exception {
        ExecutorService starter = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<WsDependsServer> startA = CompletableFuture.supplyAsync(
                    () -> echoServer().port(0).start(), starter);
            CompletableFuture<WsDependsServer> startB = CompletableFuture.supplyAsync(
                    () -> echoServer().port(0).start(), starter);
            try (WsDependsServer a = startA.get(30, TimeUnit.SECONDS);
                 WsDependsServer b = startB.get(30, TimeUnit.SECONDS)) {
                try (WsTestClient toA = WsTestClient.connect(a.uri("/echo"))) {
                    toA.send("1").nextText();
                    toA.send("2").nextText();
                }
                try (WsTestClient toB = WsTestClient.connect(b.uri("/echo"))) {
                    toB.send("3").nextText();
                }
                assertThat(greeter(a).calls()).isEqualTo(2);
                assertThat(greeter(b).calls()).isEqualTo(1);
                Recorder.of(a).await("destroyed", 1);
                Recorder.of(b).await("destroyed", 1);
                assertThat(Recorder.of(a).events()).filteredOn("created"::equals).hasSize(1);
            }
        } finally {
            starter.shutdownNow();
        }
    }

    @Test
    void refusesInvalidSettingsAtOnce() {
        WsDependsServer.Builder builder = WsDependsServer.builder();
        assertThatThrownBy(() -> builder.port(70_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.host(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.contextPath("app")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.endpoints(Greeter.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not annotated @ServerEndpoint");
        assertThatThrownBy(() -> builder.staticResources("/", "/"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static WsDependsServer.Builder echoServer() {
        return WsDependsServer.builder().endpoints(EchoEndpoint.class).beans(Greeter.class, Recorder.class);
    }

    private static Greeter greeter(WsDependsServer server) {
        return server.beanManager().createInstance().select(Greeter.class).get();
    }

    private static boolean canConnect(InetAddress address, int port) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        } catch (ConnectException e) {
            return false;
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }

    /** A second endpoint at {@link EchoEndpoint}'s path. */
    @ServerEndpoint("/echo")
    public static class SamePath {
        @OnMessage
        public String echo(String text) {
            return text;
        }
    }

    /** An endpoint CDI cannot satisfy: nothing produces {@code Runnable}. */
    @ServerEndpoint("/unsatisfied")
    public static class Unsatisfied {
        @Inject
        Runnable missing;

        @OnMessage
        public String echo(String text) {
            return text;
        }
    }
}
