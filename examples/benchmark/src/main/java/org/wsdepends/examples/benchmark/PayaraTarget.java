package org.wsdepends.examples.benchmark;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Payara Micro running the benchmark's WAR: the Payara Micro jar (from the local Maven repository, for
 * example) is only read; the server's files and the WAR go to the work directory. Its HTTP port is
 * 8080 plus the port offset.
 */
final class PayaraTarget extends Target {

    private final int port;

    private PayaraTarget(Process process, Path log, int port) {
        super(process, log);
        this.port = port;
    }

    static PayaraTarget start(Path microJar, Path work, int portOffset, Path jfr, List<String> jvmOptions) throws Exception {
        if (!Files.isRegularFile(microJar) || !microJar.getFileName().toString().endsWith(".jar")) {
            throw new IllegalArgumentException(microJar + " is not a Payara Micro jar");
        }
        Path base = Files.createDirectories(work.resolve("payara"));
        Path war = base.resolve(Wars.NAME);
        Wars.write(war);
        Path log = work.resolve("payara.log");
        int port = 8080 + portOffset;
        List<String> command = javaCommand(jfr, jvmOptions);
        command.addAll(List.of("-jar", microJar.toAbsolutePath().toString(), "--nocluster", "--port", Integer.toString(port),
                "--rootDir", base.resolve("root").toString(), "--deploy", war.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PayaraTarget started = new PayaraTarget(process, log, port);
        try {
            started.awaitControl("deployment of " + Wars.NAME, Duration.ofSeconds(240));
            return started;
        } catch (Exception | Error failure) {
            started.close();
            throw failure;
        }
    }

    @Override
    URI base() {
        return Wars.base(port);
    }

    @Override
    String describe() {
        return "Payara Micro (Tyrus, Weld), " + jvm() + ", http port " + port;
    }
}
