package org.wsdepends.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** Stopping the server ends open connections cleanly, once. */
class CloseTest {

    @Test
    void closeSendsGoingAwayAndRunsOnCloseAndPreDestroy() throws Exception {
        WsDependsServer server = echoServer().start();
        Recorder recorder = Recorder.of(server);
        WsTestClient first = WsTestClient.connect(server.uri("/echo"));
        WsTestClient second = WsTestClient.connect(server.uri("/echo"));
        first.send("still open").nextText();
        second.send("me too").nextText();

        server.close();

        assertThat(first.awaitClose()).isEqualTo(new WsTestClient.Closed(1001, "Server shutting down"));
        assertThat(second.awaitClose()).isEqualTo(new WsTestClient.Closed(1001, "Server shutting down"));
        // synchronous: done when close() returns, before CDI shut down
        assertThat(recorder.events()).filteredOn("close 1001"::equals).hasSize(2);
        assertThat(recorder.events()).filteredOn("destroyed"::equals).hasSize(2);
    }

    @Test
    void closeIsIdempotentAndReleasesEverything() throws Exception {
        int before = WeldContainer.getRunningContainerIds().size();
        WsDependsServer server = echoServer().start();
        int port = server.port();
        assertThat(server.awaitTermination(Duration.ZERO)).isFalse();

        server.close();
        server.close();

        assertThat(server.awaitTermination(Duration.ZERO)).isTrue();
        server.join();
        assertThat(WeldContainer.getRunningContainerIds()).hasSize(before);
        assertThatThrownBy(() -> Http.get(server.httpUri("/")))
                .isInstanceOf(ConnectException.class);
        assertThat(server.port()).isEqualTo(port);
    }

    @Test
    void joinBlocksUntilAnotherThreadCloses() throws Exception {
        WsDependsServer server = echoServer().start();
        CompletableFuture<Void> joined = CompletableFuture.runAsync(() -> {
            try {
                server.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, runnable -> new Thread(runnable, "joiner").start());

        assertThat(joined).isNotDone();
        Thread.sleep(100);
        assertThat(joined).isNotDone();
        server.close();

        joined.get(5, TimeUnit.SECONDS);
    }

    @Test
    void anEndpointCanCloseTheServerItRunsIn() throws Exception {
        WsDependsServer server = WsDependsServer.builder().port(0)
                .endpoints(StopEndpoint.class)
                .beans(ServerHolder.class)
                .start();
        server.beanManager().createInstance().select(ServerHolder.class).get().server.set(server);
        WsTestClient client = WsTestClient.connect(server.uri("/stop"));

        client.send("stop");

        assertThat(server.awaitTermination(Duration.ofSeconds(10))).isTrue();
        assertThat(client.awaitClose().code()).isEqualTo(1001);
    }

    @Test
    void concurrentClosesAllReturnAfterTheServerStopped() throws Exception {
        WsDependsServer server = echoServer().start();
        WsTestClient client = WsTestClient.connect(server.uri("/echo"));
        CompletableFuture<?>[] closes = new CompletableFuture<?>[4];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = CompletableFuture.runAsync(() -> {
                server.close();
                try {
                    if (!server.awaitTermination(Duration.ZERO)) {
                        throw new IllegalStateException("close() returned before the server stopped");
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, runnable -> new Thread(runnable, "closer").start());
        }

        CompletableFuture.allOf(closes).get(10, TimeUnit.SECONDS);
        assertThat(client.awaitClose().code()).isEqualTo(1001);
    }

    @Test
    void closeStopsTheServersThreads() throws Exception {
        java.util.Set<Thread> before = liveThreads();
        WsDependsServer server = echoServer().start();
        try (WsTestClient client = WsTestClient.connect(server.uri("/echo"))) {
            client.send("use a worker").nextText();
        }
        assertThat(serverThreads(before)).anyMatch(name -> name.startsWith(server.name() + "-worker"));

        server.close();

        long deadline = System.nanoTime() + WsTestClient.DEFAULT_TIMEOUT.toNanos();
        while (!serverThreads(before).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(serverThreads(before)).isEmpty();
    }

    /** Grizzly's (named after the server) and Tyrus's threads started since {@code before}. */
    private static java.util.List<String> serverThreads(java.util.Set<Thread> before) {
        java.util.Set<Thread> started = liveThreads();
        started.removeAll(before);
        return started.stream()
                .map(Thread::getName)
                .filter(name -> name.startsWith("wsdepends-") || name.startsWith("tyrus-"))
                .toList();
    }

    private static java.util.Set<Thread> liveThreads() {
        java.util.Set<Thread> threads = new java.util.HashSet<>(Thread.getAllStackTraces().keySet());
        threads.removeIf(thread -> !thread.isAlive());
        return threads;
    }

    private static WsDependsServer.Builder echoServer() {
        return WsDependsServer.builder().port(0).endpoints(EchoEndpoint.class).beans(Greeter.class, Recorder.class);
    }

    @Singleton
    public static class ServerHolder {
        final AtomicReference<WsDependsServer> server = new AtomicReference<>();
    }

    @ServerEndpoint("/stop")
    public static class StopEndpoint {
        @Inject
        ServerHolder holder;

        @OnMessage
        public void onMessage(String text) {
            holder.server.get().close();
        }
    }
}
