package org.wsdepends.embedded;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import org.glassfish.grizzly.CloseListener;
import org.glassfish.grizzly.CloseType;
import org.glassfish.grizzly.Closeable;
import org.glassfish.grizzly.Connection;

/**
 * Closes connections that never upgrade to WebSocket once they go quiet: one that sends no complete request
 * header within the header-read time of opening, or that has neither sent nor been answered a request for the
 * idle time. Grizzly's own keep-alive timeout cannot do it: it would also cut idle WebSocket connections.
 * Upgraded connections are no longer watched.
 *
 * <p>Thread-safe.
 */
final class IdleWatch implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(IdleWatch.class.getName());

    private final long headerReadNanos;
    private final long idleNanos;
    private final Map<Connection<?>, Long> deadlines = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;

    /**
     * Starts the thread that closes quiet connections; {@link #close()} stops it.
     *
     * @param name       the server's name, for the thread's
     * @param headerRead how long a new connection may take to send its first request header
     * @param idle       how long a connection that has not upgraded may stay quiet after a request or response
     */
    IdleWatch(String name, Duration headerRead, Duration idle) {
        this.headerReadNanos = headerRead.toNanos();
        this.idleNanos = idle.toNanos();
        sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name + "-idle-watch");
            thread.setDaemon(true);
            return thread;
        });
        // a connection is closed at most a quarter of its time late
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(10),
                Math.min(TimeUnit.SECONDS.toNanos(1), Math.min(headerReadNanos, idleNanos) / 4));
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.NANOSECONDS);
    }

    /** A connection was accepted: it has the header-read time for its first request header. */
    void opened(Connection<?> connection) {
        deadlines.put(connection, System.nanoTime() + headerReadNanos);
        CloseListener<Closeable, CloseType> forget = (closed, type) -> deadlines.remove(connection);
        connection.addCloseListener(forget);
    }

    /** A connection that has not upgraded read or wrote HTTP: it has the idle time again. */
    void active(Connection<?> connection) {
        deadlines.computeIfPresent(connection, (c, deadline) -> System.nanoTime() + idleNanos);
    }

    /** A connection upgraded to WebSocket: from now on only WebSocket rules apply to it. */
    void upgraded(Connection<?> connection) {
        deadlines.remove(connection);
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Map.Entry<Connection<?>, Long> entry : deadlines.entrySet()) {
            if (now - entry.getValue() >= 0 && deadlines.remove(entry.getKey(), entry.getValue())) {
                LOG.fine(() -> "Closing " + entry.getKey().getPeerAddress() + ": no complete request in time");
                entry.getKey().closeSilently();
            }
        }
    }
}
