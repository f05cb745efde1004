package org.wsdepends.examples.benchmark;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The peer: the same endpoints on Quarkus WebSockets Next ({@code examples/benchmark/quarkus}, built on its own
 * with {@code mvn -f examples/benchmark/quarkus/pom.xml package}), in a JVM with the embedded runtime's and
 * Payara Micro's options. Its HTTP port is 8080 plus the port offset.
 */
final class QuarkusTarget extends Target {

    private static final String RUN_JAR = "quarkus-run.jar";

    private final int port;

    private QuarkusTarget(Process process, Path log, int port) {
        super(process, log);
        this.port = port;
    }

    static QuarkusTarget start(Path app, Path work, int portOffset, Path jfr, List<String> jvmOptions) throws Exception {
        Path jar = runJar(app);
        Files.createDirectories(work);
        Path log = work.resolve("quarkus.log");
        int port = 8080 + portOffset;
        List<String> command = javaCommand(jfr, jvmOptions);
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-jar", jar.toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        QuarkusTarget started = new QuarkusTarget(process, log, port);
        try {
            started.awaitControl("the Quarkus application's start", Duration.ofSeconds(120));
            return started;
        } catch (Exception | Error failure) {
            started.close();
            throw failure;
        }
    }

    /** The run jar itself, or where a build of the application directory puts it. */
    private static Path runJar(Path app) {
        for (Path candidate : List.of(app, app.resolve("target/quarkus-app/" + RUN_JAR), app.resolve("quarkus-app/" + RUN_JAR),
                app.resolve(RUN_JAR))) {
            if (Files.isRegularFile(candidate) && candidate.getFileName().toString().equals(RUN_JAR)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException(app + " is neither a " + RUN_JAR + " nor a built examples/benchmark/quarkus"
                + " (build it with mvn -f examples/benchmark/quarkus/pom.xml package)");
    }

    @Override
    URI base() {
        return URI.create("ws://127.0.0.1:" + port);
    }

    /** Quarkus has no wsdepends: its "wrapped" endpoint does the same work the way Quarkus offers. */
    @Override
    String compared() {
        return "Quarkus' \"wrapped\" (the same work as wsdepends' wrapped endpoint: path parameter bound, the rest read by"
                + " a @SessionScoped bean, which opens the resource and closes it in @PreDestroy) against raw (the same work"
                + " by hand); the budgets are wsdepends' against raw, shown for comparison";
    }

    @Override
    String describe() {
        return "Quarkus WebSockets Next (Vert.x, ArC), " + jvm() + ", http port " + port;
    }
}
