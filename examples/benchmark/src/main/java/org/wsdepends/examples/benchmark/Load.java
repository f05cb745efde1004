package org.wsdepends.examples.benchmark;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The load generator: JDK {@code java.net.http} WebSocket clients against one endpoint ({@code raw} or
 * {@code wrapped}) of the server under test. Every round is bounded by a duration and a number of
 * operations, and every wait by a timeout.
 */
final class Load {

    private static final long TIMEOUT_SECONDS = 30;

    private final HttpClient client;
    private final URI base;
    private final Probe probe;
    private final String message;

    /**
     * @param client       the client all connections share
     * @param base         the server's base URI, e.g. {@code ws://127.0.0.1:8080/app}
     * @param probe        the server's control connection
     * @param messageBytes the size of an echo message
     */
    Load(HttpClient client, URI base, Probe probe, int messageBytes) {
        this.client = client;
        this.base = base;
        this.probe = probe;
        this.message = "m".repeat(messageBytes);
    }

    /** The URI both endpoints are measured at: the same handshake values for each. */
    URI uri(String kind) {
        return URI.create(base + "/" + kind + "/lobby?token=t-1&limit=50");
    }

    /** The load generator's own CPU time: the two processes share the cores, so rates depend on both. */
    private static long clientCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Opens a connection with the header and cookie both endpoints read; does not wait for the first message. */
    CompletableFuture<WebSocket> open(String kind, Conn conn) {
        return client.newWebSocketBuilder()
                .header("x-client", "bench")
                .header("Cookie", "theme=dark; session=s-42")
                .connectTimeout(Duration.ofSeconds(TIMEOUT_SECONDS))
                .buildAsync(uri(kind), conn);
    }

    /**
     * Handshake rate: {@code concurrency} threads each open a connection, wait for the first message,
     * close and wait for the server's close frame, again and again.
     */
    Round handshakes(String kind, int concurrency, Duration duration, int maxOps) throws Exception {
        AtomicInteger budget = new AtomicInteger(maxOps);
        AtomicInteger errors = new AtomicInteger();
        List<LongList> latencies = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        Meter meter = new Meter();
        long deadline = meter.start + duration.toNanos();
        for (int i = 0; i < concurrency; i++) {
            LongList mine = new LongList();
            latencies.add(mine);
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
                    long began = System.nanoTime();
                    try {
                        handshake(kind);
                        mine.add(System.nanoTime() - began);
                    } catch (Exception failed) {
                        if (errors.incrementAndGet() > 20) {
                            return;
                        }
                    }
                }
            }, "bench-handshake-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())
                    + TimeUnit.SECONDS.toMillis(4 * TIMEOUT_SECONDS)));
            if (worker.isAlive()) {
                throw new IllegalStateException(worker.getName() + " is stuck");
            }
        }
        return meter.stop(kind, latencies, errors.get());
    }

    private void handshake(String kind) throws Exception {
        Conn conn = new Conn();
        WebSocket socket = open(kind, conn).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        conn.first.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        conn.closed.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Echo rate: {@code connections} open connections each send a message, wait for its echo and send
     * the next one (the callbacks chain the sends, so no client thread waits in between).
     */
    Round echo(String kind, int connections, Duration duration, int maxOps) throws Exception {
        List<Conn> conns = openMany(kind, connections, connections);
        try {
            AtomicInteger budget = new AtomicInteger(maxOps);
            CountDownLatch done = new CountDownLatch(conns.size());
            List<Echoer> echoers = new ArrayList<>();
            List<LongList> latencies = new ArrayList<>();
            Meter meter = new Meter();
            long deadline = meter.start + duration.toNanos();
            for (Conn conn : conns) {
                Echoer echoer = new Echoer(conn, deadline, budget, done);
                echoers.add(echoer);
                latencies.add(echoer.latencies);
                echoer.send();
            }
            if (!done.await(duration.toMillis() + TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("echo connections did not finish in time");
            }
            int errors = echoers.stream().mapToInt(echoer -> echoer.errors.get()).sum();
            return meter.stop(kind, latencies, errors);
        } finally {
            closeAll(conns);
        }
    }

    /**
     * Retained heap per idle connection: the server's heap after a full GC with {@code count}
     * connections open (each has received its first message), minus the heap before they were opened.
     *
     * @param histograms where to write class histograms of the difference, {@code null} for none
     */
    HeapRound idleHeap(String kind, int count, int concurrency, Histograms histograms) throws Exception {
        awaitServerIdle();
        long before = probe.heapAfterGc();
        if (histograms != null) {
            histograms.before();
        }
        List<Conn> conns = openMany(kind, count, concurrency);
        try {
            if (conns.size() < count) {
                throw new IllegalStateException("only " + conns.size() + " of " + count + " idle connections opened");
            }
            long with = probe.heapAfterGc();
            if (histograms != null) {
                histograms.with(kind, count);
            }
            return new HeapRound(kind, count, with - before);
        } finally {
            closeAll(conns);
        }
    }

    /**
     * Waits until the server has ended the connections closed before: their resources are closed, and
     * a moment later (the transport lets go of a socket after the close handshake) nothing is left.
     */
    private void awaitServerIdle() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (probe.openResources() != 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the server did not end the closed connections within " + TIMEOUT_SECONDS + " s");
            }
            Thread.sleep(50);
        }
        Thread.sleep(1000);
    }

    /** Opens connections, at most {@code concurrency} handshakes at a time; returns those that got their first message. */
    private List<Conn> openMany(String kind, int count, int concurrency) throws Exception {
        Semaphore inFlight = new Semaphore(concurrency);
        ConcurrentLinkedQueue<Conn> opened = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        for (int i = 0; i < count && failures.get() == 0; i++) {
            if (!inFlight.tryAcquire(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("handshakes to " + kind + " stopped answering");
            }
            Conn conn = new Conn();
            open(kind, conn).thenCompose(socket -> conn.first).orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).whenComplete((first, failure) -> {
                if (failure == null) {
                    opened.add(conn);
                } else {
                    failures.incrementAndGet();
                }
                inFlight.release();
            });
        }
        if (!inFlight.tryAcquire(concurrency, 2 * TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("handshakes to " + kind + " did not finish");
        }
        List<Conn> result = new ArrayList<>(opened);
        if (failures.get() > 0) {
            closeAll(result);
            throw new IllegalStateException(failures.get() + " handshakes to " + kind + " failed");
        }
        return result;
    }

    /** Closes the connections and waits (bounded) for the server's close frames. */
    void closeAll(List<Conn> conns) {
        List<CompletableFuture<Integer>> closing = new ArrayList<>();
        for (Conn conn : conns) {
            conn.socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
            closing.add(conn.closed);
        }
        CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
                .orTimeout(2 * TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .exceptionally(failure -> null)
                .join();
    }

    /** One connection's echo loop; the JDK client calls {@link #accept} for one connection at a time. */
    private final class Echoer implements Consumer<String> {
        private final Conn conn;
        private final long deadline;
        private final AtomicInteger budget;
        private final CountDownLatch done;
        private final AtomicBoolean finished = new AtomicBoolean();
        final LongList latencies = new LongList();
        final AtomicInteger errors = new AtomicInteger();
        private volatile long sentAt;
        private volatile CompletableFuture<WebSocket> lastSend;

        Echoer(Conn conn, long deadline, AtomicInteger budget, CountDownLatch done) {
            this.conn = conn;
            this.deadline = deadline;
            this.budget = budget;
            this.done = done;
            conn.onMessage = this;
            conn.closed.whenComplete((code, failure) -> finish());
        }

        void send() {
            sentAt = System.nanoTime();
            lastSend = conn.socket.sendText(message, true);
        }

        @Override
        public void accept(String echoed) {
            long now = System.nanoTime();
            latencies.add(now - sentAt);
            if (!echoed.equals(message)) {
                errors.incrementAndGet();
            }
            if (now < deadline && budget.getAndDecrement() > 0) {
                lastSend.whenComplete((socket, failure) -> {
                    if (failure == null) {
                        send();
                    } else {
                        errors.incrementAndGet();
                        finish();
                    }
                });
            } else {
                finish();
            }
        }

        private void finish() {
            if (finished.compareAndSet(false, true)) {
                done.countDown();
            }
        }
    }

    /**
     * The counters at the start of a measured round. {@link #stop} reads them again in the reverse order, so each
     * counter's interval encloses the ones read after it.
     */
    private final class Meter {
        private final long allocatedBefore;
        private final long cpuBefore;
        private final long clientCpuBefore;
        final long start;

        Meter() throws Exception {
            allocatedBefore = probe.allocatedBytes();
            cpuBefore = probe.cpuNanos();
            clientCpuBefore = clientCpuNanos();
            start = System.nanoTime();
        }

        Round stop(String kind, List<LongList> latencies, int errors) throws Exception {
            long elapsed = System.nanoTime() - start;
            long clientCpu = clientCpuNanos() - clientCpuBefore;
            long cpu = probe.cpuNanos() - cpuBefore;
            long allocated = probe.allocatedBytes() - allocatedBefore;
            return new Round(kind, elapsed, cpu, clientCpu, allocated, LongList.sortedUnion(latencies), errors);
        }
    }

    /**
     * One round of a rate measurement.
     *
     * @param kind        {@code raw} or {@code wrapped}
     * @param nanos       its wall-clock duration
     * @param serverCpu   the server process's CPU time during the round, in nanoseconds
     * @param clientCpu   the load generator's CPU time during the round, in nanoseconds
     * @param allocated   the bytes the server allocated during the round
     * @param latencies   each operation's latency in nanoseconds, sorted
     * @param errors      failed operations
     */
    record Round(String kind, long nanos, long serverCpu, long clientCpu, long allocated, long[] latencies, int errors) {

        int ops() {
            return latencies.length;
        }

        double perSecond() {
            return ops() * 1e9 / nanos;
        }

        double cpuMicrosPerOp() {
            return ops() == 0 ? Double.NaN : serverCpu / 1e3 / ops();
        }

        double allocatedBytesPerOp() {
            return ops() == 0 ? Double.NaN : (double) allocated / ops();
        }

        double clientCpuMicrosPerOp() {
            return ops() == 0 ? Double.NaN : clientCpu / 1e3 / ops();
        }

        double percentileMillis(double fraction) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(latencies.length - 1, Math.ceil(fraction * latencies.length) - 1);
            return latencies[Math.max(0, index)] / 1e6;
        }
    }

    /**
     * One round of the idle-connection heap measurement.
     *
     * @param kind        {@code raw} or {@code wrapped}
     * @param connections how many were open
     * @param bytes       the server's heap after GC with them open, minus before
     */
    record HeapRound(String kind, int connections, long bytes) {

        double bytesPerConnection() {
            return (double) bytes / connections;
        }
    }
}
