package org.wsdepends.tck.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The server side of {@link Recorder}: deployed in every test WAR, it appends what the server did to the
 * events file, one line per event. A file, because the server may be another JVM (WildFly, Payara Micro),
 * and because it outlives the deployment: cleanup at undeploy or server stop is recorded too.
 */
public final class Events {

    /** The system property naming the events file, set on the test JVM and on the servers' JVMs. */
    public static final String FILE_PROPERTY = "wsdepends.tck.events";

    private Events() {
    }

    /**
     * Records one event.
     *
     * @param event a line of text (no line breaks)
     */
    public static void add(String event) {
        try {
            // one small write with O_APPEND: concurrent server threads never interleave within a line
            Files.writeString(file(), event + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException unwritable) {
            throw new UncheckedIOException("cannot record the event " + event, unwritable);
        }
    }

    static Path file() {
        String configured = System.getProperty(FILE_PROPERTY);
        return configured != null ? Path.of(configured)
                : Path.of(System.getProperty("java.io.tmpdir"), "wsdepends-tck-events.log");
    }
}
