package org.wsdepends.tck.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The log of the server the profile runs, where a failed deployment's problems are reported (Arquillian keeps
 * the exception of a deployment expected to fail to itself). The profile points {@code wsdepends.tck.server-log}
 * at a file or directory under {@code target}, which the build empties before the tests.
 */
public final class ServerLog {

    private ServerLog() {
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
