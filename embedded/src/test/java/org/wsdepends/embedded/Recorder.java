package org.wsdepends.embedded;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.inject.Singleton;

/**
 * Records what endpoints did, per server (one CDI container each). {@code @Singleton}: no client proxy, so the
 * test can still read it after the server's CDI container shut down.
 */
@Singleton
public class Recorder {

    private final List<String> events = new CopyOnWriteArrayList<>();

    public void add(String event) {
        synchronized (this) {
            events.add(event);
            notifyAll();
        }
    }

    public List<String> events() {
        return List.copyOf(events);
    }

    /** Waits until {@code event} was recorded at least {@code times} times. */
    public void await(String event, int times) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + WsTestClient.DEFAULT_TIMEOUT.toNanos();
        synchronized (this) {
            while (events.stream().filter(event::equals).count() < times) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new TimeoutException("\"" + event + "\" not recorded " + times + " times: " + events);
                }
                wait(left);
            }
        }
    }

    static Recorder of(WsDependsServer server) {
        return server.beanManager().createInstance().select(Recorder.class).get();
    }
}
