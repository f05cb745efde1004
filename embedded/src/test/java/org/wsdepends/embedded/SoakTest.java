package org.wsdepends.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
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

/**
 * Many connections, ended every way a client can end them (a close frame, a TCP reset, a dropped connection), one
 * after the other on one server: every connection's dependency is disposed exactly once, and the heap is where it
 * was. The figures are printed for the notes of a hardening run.
 */
class SoakTest {

    private static final int WARM_UP = 200;
    private static final int CYCLES = 3_000;
    private static final AtomicInteger PRODUCED = new AtomicInteger();
    private static final AtomicInteger DISPOSED = new AtomicInteger();

    public record Lease(int id) {
    }

    @ApplicationScoped
    public static class Leases {
        @Produces @Depends
        Lease open(@Query("n") int n) {
            PRODUCED.incrementAndGet();
            return new Lease(n);
        }

        void close(@Disposes @Depends Lease lease) {
            DISPOSED.incrementAndGet();
        }
    }

    @ServerEndpoint("/soak")
    public static class SoakEndpoint {
        @Inject @Depends Lease lease;

        @OnMessage
        public String echo(String text) {
            return text + " " + lease.id();
        }
    }

    @Test
    void everyDependencyIsDisposedOnceHoweverItsConnectionEndsAndTheHeapDoesNotGrow() throws Exception {
        try (WsDependsServer server = WsDependsServer.builder().port(0).endpoints(SoakEndpoint.class)
                .beans(Leases.class).start()) {
            run(server, 0, WARM_UP);
            awaitDisposed(WARM_UP);
            long heapBefore = usedHeapAfterGc();
            long started = System.nanoTime();

            run(server, WARM_UP, CYCLES);
            awaitDisposed(WARM_UP + CYCLES);

            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            long heapAfter = usedHeapAfterGc();
            System.out.printf("soak: %d cycles (a quarter reset, a quarter dropped) in %d s; produced %d, disposed %d;"
                    + " heap after GC %d KiB before, %d KiB after%n", CYCLES, seconds, PRODUCED.get(), DISPOSED.get(),
                    heapBefore / 1024, heapAfter / 1024);
            assertThat(PRODUCED.get()).isEqualTo(WARM_UP + CYCLES);
            assertThat(DISPOSED.get()).isEqualTo(PRODUCED.get());
            // what one connection retains is about a KiB: a leak of every connection would be several MiB
            assertThat(heapAfter - heapBefore).isLessThan(2L * 1024 * 1024);
            try (WsTestClient client = WsTestClient.connect(server.uri("/soak?n=-1"))) {
                assertThat(client.send("still serving").nextText()).isEqualTo("still serving -1");
            }
        }
    }

    private static void run(WsDependsServer server, int first, int count) throws IOException {
        for (int n = first; n < first + count; n++) {
            switch (n % 4) {
                case 0 -> {
                    try (RawSocket socket = RawSocket.connect(server)) {
                        assertThat(socket.upgrade("/soak?n=" + n).status()).isEqualTo(101);
                        socket.reset();
                    }
                }
                case 1 -> {
                    try (RawSocket socket = RawSocket.connect(server)) {
                        assertThat(socket.upgrade("/soak?n=" + n).status()).isEqualTo(101);
                    }
                }
                default -> {
                    try (WsTestClient client = WsTestClient.connect(server.uri("/soak?n=" + n))) {
                        assertThat(client.send("hi").nextText()).isEqualTo("hi " + n);
                    }
                }
            }
        }
    }

    private static void awaitDisposed(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (DISPOSED.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        // a few rounds: one System.gc() may leave finalizable or weakly reachable objects for the next
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
