package org.wsdepends.examples.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.wsdepends.Depends;
import org.wsdepends.examples.benchmark.app.Control;
import org.wsdepends.extension.WsDependsExtension;

/**
 * Builds the benchmark's WAR from the load generator's own class path: the classes of the {@code app}
 * package, and the wsdepends API and extension jars in {@code WEB-INF/lib}. Nothing else: a server
 * provides the Jakarta EE implementations.
 */
final class Wars {

    private static final String APP = Control.class.getPackageName().replace('.', '/') + "/";
    private static final String BEANS_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="all"/>
            """;

    /** The WAR's file name; its name without {@code .war} is its context path. */
    static final String NAME = "wsdepends-benchmark.war";

    private Wars() {
    }

    /** @return the base URI of the WAR's endpoints on a server's HTTP port */
    static URI base(int port) {
        return URI.create("ws://127.0.0.1:" + port + "/" + NAME.substring(0, NAME.length() - ".war".length()));
    }

    static void write(Path war) throws IOException, URISyntaxException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(war))) {
            entry(out, "WEB-INF/beans.xml", BEANS_XML.getBytes(StandardCharsets.UTF_8));
            Path classes = codeSource(Control.class);
            if (Files.isDirectory(classes)) {
                try (Stream<Path> files = Files.walk(classes.resolve(APP))) {
                    for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                        entry(out, "WEB-INF/classes/" + classes.relativize(file).toString().replace('\\', '/'),
                                Files.readAllBytes(file));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(classes.toFile())) {
                    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                        JarEntry entry = entries.nextElement();
                        if (entry.getName().startsWith(APP) && !entry.isDirectory()) {
                            entry(out, "WEB-INF/classes/" + entry.getName(), jar.getInputStream(entry).readAllBytes());
                        }
                    }
                }
            }
            library(out, "wsdepends-api.jar", codeSource(Depends.class));
            library(out, "wsdepends-extension.jar", codeSource(WsDependsExtension.class));
        }
    }

    /** A jar of the class path, or a classes directory (a build in an IDE) packed as one. */
    private static void library(JarOutputStream out, String name, Path source) throws IOException {
        if (!Files.isDirectory(source)) {
            entry(out, "WEB-INF/lib/" + name, Files.readAllBytes(source));
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes); Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                entry(jar, source.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        entry(out, "WEB-INF/lib/" + name, bytes.toByteArray());
    }

    private static void entry(JarOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(content);
        out.closeEntry();
    }

    private static Path codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
