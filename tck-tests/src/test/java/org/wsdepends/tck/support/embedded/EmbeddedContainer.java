package org.wsdepends.tck.support.embedded;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.websocket.server.ServerEndpoint;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.exporter.ExplodedExporter;
import org.wsdepends.embedded.WsDependsServer;

/**
 * An Arquillian container that runs each test WAR on its own {@link WsDependsServer} (Tyrus + Weld SE), so the
 * embedded profile runs the very tests the server profiles run, in seconds.
 *
 * <p>The WAR is exploded to a temporary directory. Its classes are loaded by a class loader over
 * {@code WEB-INF/classes} whose parent is the test class path: a class the test class path has (every {@code *App}
 * that ShrinkWrap packaged from it) is the test's own, so tests and deployed code share static state such as
 * {@link org.wsdepends.tck.support.Recorder}; a WAR built elsewhere (the chat example's) brings its own classes.
 * {@code WEB-INF/lib} (wsdepends) comes from the test class path. The files outside {@code WEB-INF} and
 * {@code META-INF} are served as static resources, as a server serves a WAR's root. The context path is the WAR's
 * name, as on the servers. Deployment failures are appended to the file named by {@code wsdepends.tck.server-log},
 * the embedded runtime's "server log".
 */
public final class EmbeddedContainer implements DeployableContainer<EmbeddedConfiguration> {

    private static final String CLASSES = "/WEB-INF/classes/";

    private final Map<String, Deployed> deployed = new ConcurrentHashMap<>();

    private record Deployed(WsDependsServer server, URLClassLoader classes, Path exploded) {
    }

    @Override
    public Class<EmbeddedConfiguration> getConfigurationClass() {
        return EmbeddedConfiguration.class;
    }

    @Override
    public void stop() {
        for (String name : List.copyOf(deployed.keySet())) {
            end(deployed.remove(name));
        }
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Local");
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        String name = archive.getName().replaceFirst("\\.war$", "");
        Path exploded;
        try {
            exploded = Files.createTempDirectory("wsdepends-tck-" + name);
        } catch (IOException e) {
            throw new DeploymentException("cannot create a directory for " + name, e);
        }
        Path root = exploded.resolve("war");
        archive.as(ExplodedExporter.class).exportExploded(exploded.toFile(), "war");
        URLClassLoader classes;
        try {
            classes = new URLClassLoader(new URL[] {root.resolve("WEB-INF/classes/").toUri().toURL()},
                    EmbeddedContainer.class.getClassLoader());
        } catch (MalformedURLException impossible) {
            throw new IllegalStateException(impossible);
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try {
            // the WAR's resources (META-INF/wsdepends.properties) are read through the context class loader
            thread.setContextClassLoader(classes);
            WsDependsServer.Builder server = WsDependsServer.builder().port(0).contextPath("/" + name);
            for (Class<?> type : classesOf(archive, classes)) {
                if (type.isAnnotationPresent(ServerEndpoint.class)) {
                    server.endpoints(type);
                } else {
                    server.beans(type);
                }
            }
            Path webRoot = webRoot(root, exploded);
            if (webRoot != null) {
                server.staticResources("/", webRoot);
            }
            Deployed deployment = new Deployed(server.start(), classes, exploded);
            deployed.put(archive.getName(), deployment);
            HTTPContext context = new HTTPContext("127.0.0.1", deployment.server().port());
            context.add(new Servlet("default", "/" + name));
            return new ProtocolMetaData().addContext(context);
        } catch (RuntimeException | ClassNotFoundException | IOException failed) {
            end(new Deployed(null, classes, exploded));
            String report = "Deployment of " + name + " failed: " + stackTrace(failed);
            log(report);
            // as the server adapters do, the failure travels as the server's report, not as the exception object:
            // Arquillian matches @ShouldThrowException against the causes of a DeploymentException, which differ per runtime
            throw new DeploymentException(report);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static List<Class<?>> classesOf(Archive<?> archive, ClassLoader loader) throws ClassNotFoundException {
        List<Class<?>> types = new ArrayList<>();
        for (ArchivePath path : archive.getContent().keySet()) {
            String file = path.get();
            if (file.startsWith(CLASSES) && file.endsWith(".class") && !file.endsWith("package-info.class")) {
                String className = file.substring(CLASSES.length(), file.length() - ".class".length()).replace('/', '.');
                types.add(Class.forName(className, false, loader));
            }
        }
        return types;
    }

    /**
     * A copy of the WAR's public files (all but {@code WEB-INF} and {@code META-INF}), which a server serves from
     * the context root; {@code null} if it has none.
     */
    private static Path webRoot(Path root, Path exploded) throws IOException {
        Path webRoot = exploded.resolve("public");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Path relative = root.relativize(file);
                String top = relative.getName(0).toString();
                if (!top.equals("WEB-INF") && !top.equals("META-INF")) {
                    Files.createDirectories(webRoot.resolve(relative).getParent());
                    Files.copy(file, webRoot.resolve(relative));
                }
            }
        }
        return Files.isDirectory(webRoot) ? webRoot : null;
    }

    @Override
    public void undeploy(Archive<?> archive) {
        end(deployed.remove(archive.getName()));
    }

    private static void end(Deployed deployment) {
        if (deployment == null) {
            return;
        }
        if (deployment.server() != null) {
            deployment.server().close();
        }
        try {
            deployment.classes().close();
        } catch (IOException ignored) {
            // only open jar files would fail to close, and WEB-INF/classes is a directory
        }
        delete(deployment.exploded());
    }

    private static String stackTrace(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    private static void log(String report) {
        String file = System.getProperty("wsdepends.tck.server-log");
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(Path.of(file).toAbsolutePath().getParent());
            Files.writeString(Path.of(file), report + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the operating system cleans up what is left
        }
    }
}
