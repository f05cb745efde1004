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
 * <p>The WAR's classes are the test class path's own (ShrinkWrap packaged them from there), so they are loaded from
 * it; its {@code WEB-INF/lib} (wsdepends) is on the class path too. Its resources ({@code META-INF/wsdepends.properties})
 * are served by the context class loader while the server starts. The context path is the WAR's name, as on the
 * servers. Deployment failures are appended to the file named by {@code wsdepends.tck.server-log}, the embedded
 * runtime's "server log".
 */
public final class EmbeddedContainer implements DeployableContainer<EmbeddedConfiguration> {

    private static final String CLASSES = "/WEB-INF/classes/";

    private final Map<String, Deployed> deployed = new ConcurrentHashMap<>();

    private record Deployed(WsDependsServer server, Path exploded) {
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
        ClassLoader testClasses = EmbeddedContainer.class.getClassLoader();
        List<Class<?>> endpoints = new ArrayList<>();
        List<Class<?>> beans = new ArrayList<>();
        for (ArchivePath path : archive.getContent().keySet()) {
            String file = path.get();
            if (file.startsWith(CLASSES) && file.endsWith(".class") && !file.endsWith("package-info.class")) {
                String className = file.substring(CLASSES.length(), file.length() - ".class".length()).replace('/', '.');
                Class<?> type;
                try {
                    type = Class.forName(className, false, testClasses);
                } catch (ClassNotFoundException notOnTheClassPath) {
                    throw new DeploymentException("The embedded container loads the WAR's classes from the test class path,"
                            + " which lacks " + className, notOnTheClassPath);
                }
                (type.isAnnotationPresent(ServerEndpoint.class) ? endpoints : beans).add(type);
            }
        }
        Path exploded;
        try {
            exploded = Files.createTempDirectory("wsdepends-tck-" + name);
        } catch (IOException e) {
            throw new DeploymentException("cannot create a directory for " + name, e);
        }
        archive.as(ExplodedExporter.class).exportExploded(exploded.toFile(), "war");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader resources = new URLClassLoader(new URL[] {exploded.resolve("war/WEB-INF/classes/").toUri().toURL()},
                testClasses)) {
            thread.setContextClassLoader(resources);
            WsDependsServer server = WsDependsServer.builder().port(0).contextPath("/" + name)
                    .endpoints(endpoints.toArray(Class<?>[]::new)).beans(beans.toArray(Class<?>[]::new)).start();
            deployed.put(archive.getName(), new Deployed(server, exploded));
            HTTPContext context = new HTTPContext("127.0.0.1", server.port());
            context.add(new Servlet("default", "/" + name));
            return new ProtocolMetaData().addContext(context);
        } catch (RuntimeException | MalformedURLException failed) {
            delete(exploded);
            String report = "Deployment of " + name + " failed: " + stackTrace(failed);
            log(report);
            // as the server adapters do, the failure travels as the server's report, not as the exception object:
            // Arquillian matches @ShouldThrowException against the causes of a DeploymentException, which differ per runtime
            throw new DeploymentException(report);
        } catch (IOException closeFailed) {
            throw new UncheckedIOException(closeFailed);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void undeploy(Archive<?> archive) {
        end(deployed.remove(archive.getName()));
    }

    private static void end(Deployed deployment) {
        if (deployment != null) {
            deployment.server().close();
            delete(deployment.exploded());
        }
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
