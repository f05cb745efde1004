package org.wsdepends.extension;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the classes of an archive (a class directory or a jar) that mention an annotation, from their
 * class files and without loading them: a class annotated with it has the annotation's descriptor in
 * its constant pool. Candidates only; the caller loads them and checks.
 */
final class ClassFiles {

    private ClassFiles() {
    }

    /**
     * The binary names of the classes whose class files mention the annotation.
     *
     * @param archive    where classes were loaded from (a code source location): a {@code file:} directory or
     *                   jar; other kinds of location (a server's virtual file system) give no classes
     * @param annotation the annotation's binary name, e.g. {@code jakarta.websocket.server.ServerEndpoint}
     * @return the class names, in no particular order
     * @throws UncheckedIOException if the archive cannot be read
     */
    static Set<String> mentioning(URL archive, String annotation) {
        if (!"file".equals(archive.getProtocol())) {
            return Set.of();
        }
        Path location;
        try {
            location = Path.of(archive.toURI());
        } catch (URISyntaxException | IllegalArgumentException notAPath) {
            return Set.of();
        }
        byte[] descriptor = ("L" + annotation.replace('.', '/') + ";").getBytes(StandardCharsets.UTF_8);
        Set<String> classes = new LinkedHashSet<>();
        try {
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                        if (contains(Files.readAllBytes(file), descriptor)) {
                            classes.add(className(location.relativize(file).toString().replace(location.getFileSystem()
                                    .getSeparator(), "/")));
                        }
                    }
                }
            } else if (Files.isRegularFile(location) && location.toString().endsWith(".jar")) {
                try (JarFile jar = new JarFile(location.toFile())) {
                    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                        JarEntry entry = entries.nextElement();
                        if (entry.getName().endsWith(".class")) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                if (contains(in.readAllBytes(), descriptor)) {
                                    classes.add(className(entry.getName()));
                                }
                            }
                        }
                    }
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read the classes of " + archive, unreadable);
        }
        return classes;
    }

    /**
     * The archive a class was loaded from, given its code source location, which some class loaders (Payara's)
     * make the class file itself.
     *
     * @param location  the code source location
     * @param className the class's binary name
     * @return the class directory or jar
     */
    static URL archiveOf(URL location, String className) {
        String classFile = className.replace('.', '/') + ".class";
        String path = location.toString();
        if (!path.endsWith(classFile)) {
            return location;
        }
        try {
            return new URL(path.substring(0, path.length() - classFile.length()));
        } catch (MalformedURLException impossible) {
            return location;
        }
    }

    private static String className(String classFile) {
        return classFile.substring(0, classFile.length() - ".class".length()).replace('/', '.');
    }

    private static boolean contains(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
