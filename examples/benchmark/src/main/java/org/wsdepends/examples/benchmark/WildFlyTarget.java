package org.wsdepends.examples.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A WildFly installation running the benchmark's Wars.NAME. The installation is only read: the server runs
 * with a base directory of its own under the work directory (a copy of {@code standalone/configuration}
 * and a deployments folder holding the Wars.NAME), on ports moved by an offset.
 */
final class WildFlyTarget extends Target {

    private final int port;

    private WildFlyTarget(Process process, Path log, int port) {
        super(process, log);
        this.port = port;
    }

    static WildFlyTarget start(Path home, Path work, int portOffset, Path jfr, List<String> jvmOptions) throws Exception {
        Path script = home.resolve("bin/standalone.sh");
        if (!Files.isRegularFile(script)) {
            throw new IllegalArgumentException(home + " is not a WildFly home: there is no bin/standalone.sh");
        }
        Path base = work.resolve("wildfly-base");
        deleteTree(base);
        copyTree(home.resolve("standalone/configuration"), base.resolve("configuration"));
        Path deployments = Files.createDirectories(base.resolve("deployments"));
        Wars.write(deployments.resolve(Wars.NAME));
        Path log = work.resolve("wildfly.log");
        // the options standalone.conf sets when JAVA_OPTS is empty, the heap's as every server's
        String javaOpts = String.join(" ", SERVER_JVM) + " -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m"
                + " -Djava.net.preferIPv4Stack=true -Djboss.modules.system.pkgs=org.jboss.byteman -Djava.awt.headless=true"
                + (jvmOptions.isEmpty() ? "" : " " + String.join(" ", jvmOptions))
                + (jfr == null ? "" : " " + String.join(" ", jfrOptions(jfr)));
        ProcessBuilder builder = new ProcessBuilder(List.of(script.toString(),
                "-Djboss.server.base.dir=" + base.toAbsolutePath(),
                "-Djboss.socket.binding.port-offset=" + portOffset,
                "-b", "127.0.0.1", "-bmanagement", "127.0.0.1"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_OPTS", javaOpts);
        builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        Process process = builder.start();
        Target starting = new WildFlyTarget(process, log, 0);
        try {
            Path deployed = deployments.resolve(Wars.NAME + ".deployed");
            Path failed = deployments.resolve(Wars.NAME + ".failed");
            starting.await("deployment of " + Wars.NAME, Duration.ofSeconds(180), () -> {
                if (Files.exists(failed)) {
                    throw new IllegalStateException("WildFly failed to deploy " + Wars.NAME + ": " + Files.readString(failed));
                }
                return Files.exists(deployed);
            });
            return new WildFlyTarget(process, log, 8080 + portOffset);
        } catch (Exception | Error failure) {
            starting.close();
            throw failure;
        }
    }

    @Override
    URI base() {
        return Wars.base(port);
    }

    @Override
    String describe() {
        return "WildFly (Undertow, Weld) from its own base directory, " + jvm() + ", http port " + port;
    }

    /** standalone.sh runs WildFly's JVM as its child. */
    @Override
    long serverPid() {
        return process().descendants().filter(child -> child.info().command().orElse("").endsWith("java"))
                .findFirst().orElseThrow(() -> new IllegalStateException("WildFly's JVM is not running")).pid();
    }

    /** WildFly's JVM shuts down cleanly on SIGTERM; the script then ends. */
    @Override
    void stopGently() {
        process().descendants().forEach(ProcessHandle::destroy);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Files.copy(source, to.resolve(from.relativize(source).toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException undeletable) {
                    throw new UncheckedIOException(undeletable);
                }
            });
        }
    }
}
