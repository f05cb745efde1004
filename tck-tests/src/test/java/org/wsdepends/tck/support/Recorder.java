package org.wsdepends.tck.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the server side did, in order, for assertions about dependency setup and cleanup. Cleanup
 * runs on server threads after the client saw the close, so tests wait for it with
 * {@link #await(Predicate)}.
 */
public final class Recorder {

    private final List<String> events = new ArrayList<>();

    public synchronized void add(String event) {
        events.add(event);
        notifyAll();
    }

    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    public synchronized void clear() {
        events.clear();
    }

    /** Waits until the events satisfy the condition, and returns them. */
    public synchronized List<String> await(Predicate<List<String>> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.test(events)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("condition not reached within 10 s; events: " + events);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
        }
        return List.copyOf(events);
    }

    /** Waits until an event equal to {@code event} was recorded, and returns all events. */
    public List<String> awaitEvent(String event) {
        return await(list -> list.contains(event));
    }
}
