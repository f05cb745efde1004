package org.wsdepends.examples.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms512m", "-Xmx512m", "-XX:+UseG1GC", "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2"));
        command.addAll(jfrOptions(jfr));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", microJar.toAbsolutePath().toString(), "--nocluster", "--port", Integer.toString(port),
                "--rootDir", base.resolve("root").toString(), "--deploy", war.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PayaraTarget started = new PayaraTarget(process, log, port);
        try {
            HttpClient client = HttpClient.newHttpClient();
            URI control = URI.create(started.base() + "/bench/control");
            started.await("deployment of " + Wars.NAME, Duration.ofSeconds(240), () -> answers(client, control));
            return started;
        } catch (Exception | Error failure) {
            started.close();
            throw failure;
        }
    }

    /** Whether the control endpoint accepts a connection: the WAR is deployed. */
    private static boolean answers(HttpClient client, URI control) {
        try {
            WebSocket socket = client.newWebSocketBuilder().buildAsync(control, new Conn(text -> { })).get(5, TimeUnit.SECONDS);
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
            return true;
        } catch (Exception notYet) {
            return false;
        }
    }

    @Override
    URI base() {
        return Wars.base(port);
    }

    @Override
    String describe() {
        return "Payara Micro (Tyrus, Weld), -Xmx512m -XX:+UseG1GC, http port " + port;
    }

    @Override
    long serverPid() {
        return process().pid();
    }

    /** Payara Micro stops its applications in a shutdown hook, so SIGTERM is a clean stop. */
    @Override
    void stopGently() {
        process().destroy();
    }
}
