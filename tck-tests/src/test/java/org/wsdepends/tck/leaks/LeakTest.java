package org.wsdepends.tck.leaks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import org.junit.jupiter.api.Test;
import org.wsdepends.Depends;
import org.wsdepends.Query;
import org.wsdepends.embedded.WsDependsServer;
import org.wsdepends.embedded.WsTestClient;

/** 2,000 connections, a quarter dropped without a close frame: every produced dependency disposed exactly once. */
class LeakTest {

    static final AtomicInteger PRODUCED = new AtomicInteger();
    static final AtomicInteger DUPLICATE_DISPOSALS = new AtomicInteger();
    static final ConcurrentHashMap<Integer, Boolean> DISPOSED = new ConcurrentHashMap<>();

    public record Resource(int id) {
    }

    public record PerMessage(int id) {
    }

    @ApplicationScoped
    public static class Resources {
        @Produces @Depends
        Resource resource(@Query("n") int n) {
            return new Resource(PRODUCED.incrementAndGet());
        }

        void close(@Disposes @Depends Resource resource) {
            if (DISPOSED.put(resource.id(), Boolean.TRUE) != null) {
                DUPLICATE_DISPOSALS.incrementAndGet();
            }
        }

        @Produces @Depends
        PerMessage perMessage() {
            return new PerMessage(PRODUCED.incrementAndGet());
        }

        void closePerMessage(@Disposes @Depends PerMessage perMessage) {
            if (DISPOSED.put(perMessage.id(), Boolean.TRUE) != null) {
                DUPLICATE_DISPOSALS.incrementAndGet();
            }
        }
    }

    @ServerEndpoint("/resource")
    public static class ResourceEndpoint {
        @Inject @Depends Resource resource;

        @OnMessage
        public String message(String text, @Depends PerMessage perMessage) {
            return text;
        }
    }

    @Test
    void everyDependencyIsDisposedExactlyOnce() throws Exception {
        int connections = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (WsDependsServer server = WsDependsServer.builder().port(0).endpoints(ResourceEndpoint.class)
                .beans(Resources.class).start()) {
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                int n = i;
                done.add(CompletableFuture.runAsync(() -> {
                    WsTestClient client = WsTestClient.connect(server.uri("/resource?n=" + n));
                    client.sendText("m" + n);
                    assertThat(client.nextText()).isEqualTo("m" + n);
                    if (n % 4 == 0) {
                        client.abort();
                    } else {
                        client.close();
                    }
                }, pool));
            }
            for (CompletableFuture<Void> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (DISPOSED.size() < PRODUCED.get() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(PRODUCED.get()).isEqualTo(2 * connections);
            assertThat(DISPOSED).hasSize(PRODUCED.get());
            assertThat(DUPLICATE_DISPOSALS).hasValue(0);
        } finally {
            pool.shutdownNow();
        }
        assertThat(DUPLICATE_DISPOSALS).hasValue(0);
    }
}
