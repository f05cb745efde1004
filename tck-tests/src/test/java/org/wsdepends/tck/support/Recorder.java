package org.wsdepends.tck.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the server side did, in order, for assertions about dependency setup and cleanup: the test side of
 * {@link Events}, reading the events file the deployed code writes. Cleanup runs on server threads after the
 * client saw the close, so tests wait for it with {@link #await(Predicate)}.
 */
public final class Recorder {

    /** @return the events recorded since the last {@link #clear()} */
    public List<String> events() {
        Path file = Events.file();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException none) {
            return List.of();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        // a line the server is still writing has no line break yet
        int complete = text.lastIndexOf('\n');
        return complete < 0 ? List.of() : List.of(text.substring(0, complete).split("\n", -1));
    }

    /** Forgets the events recorded so far. */
    public void clear() {
        try {
            Files.createDirectories(Events.file().toAbsolutePath().getParent());
            Files.writeString(Events.file(), "", StandardCharsets.UTF_8);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    /** Waits until the events satisfy the condition, and returns them. */
    public List<String> await(Predicate<List<String>> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> events = events();
        while (!condition.test(events)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 10 s; events: " + events);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
            events = events();
        }
        return events;
    }

    /** Waits until an event equal to {@code event} was recorded, and returns all events. */
    public List<String> awaitEvent(String event) {
        return await(list -> list.contains(event));
    }
}
