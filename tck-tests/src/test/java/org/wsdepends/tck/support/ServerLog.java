package org.wsdepends.tck.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The log of the server the profile runs, where a failed deployment's problems are reported (Arquillian keeps
 * the exception of a deployment expected to fail to itself). The profile points {@code wsdepends.tck.server-log}
 * at a file or directory under {@code target}, which the build empties before the tests.
 */
public final class ServerLog {

    private ServerLog() {
    }

    /**
     * How often the server logged a text while an action ran. A server may write its log a little after it acted,
     * so this waits up to 10 s for a first new line; a second line would come with the first.
     *
     * @param text   what to count
     * @param action what should make the server log it
     * @return how many more times the log has the text after the action
     */
    public static int timesLogged(String text, Runnable action) {
        int before = count(text);
        action.run();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int after = count(text);
        while (after == before && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            after = count(text);
        }
        return after - before;
    }

    private static int count(String text) {
        return text().split(Pattern.quote(text), -1).length - 1;
    }

    /** @return everything the server logged in this run: the file's text, or all files' in the directory */
    public static String text() {
        String configured = System.getProperty("wsdepends.tck.server-log");
        if (configured == null) {
            throw new IllegalStateException("wsdepends.tck.server-log is not set: run the tests with Maven");
        }
        Path location = Path.of(configured);
        try {
            if (Files.isDirectory(location)) {
                StringBuilder all = new StringBuilder();
                try (Stream<Path> files = Files.walk(location)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        all.append(read(file));
                    }
                }
                return all.toString();
            }
            if (Files.exists(location)) {
                return read(location);
            }
            // Payara Micro's --logToFile names the file like java.util.logging's FileHandler: server.log.0, ...
            StringBuilder numbered = new StringBuilder();
            for (int i = 0; Files.exists(Path.of(configured + "." + i)); i++) {
                numbered.append(read(Path.of(configured + "." + i)));
            }
            return numbered.toString();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static String read(Path file) throws IOException {
        // decoded leniently: a server may log bytes that are not UTF-8
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
