package org.wsdepends.examples.benchmark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The embedded runtime ({@link BenchServer}: Tyrus on Grizzly with Weld SE) in a JVM of its own, on
 * the load generator's class path.
 */
final class EmbeddedTarget extends Target {

    private final int port;

    private EmbeddedTarget(Process process, Path log, int port) {
        super(process, log);
        this.port = port;
    }

    static EmbeddedTarget start(Path work, Path jfr, List<String> jvmOptions) throws Exception {
        Files.createDirectories(work);
        Path portFile = work.resolve("server.port");
        Files.deleteIfExists(portFile);
        Path log = work.resolve("server.log");
        List<String> command = javaCommand(jfr, jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchServer.class.getName(),
                portFile.toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Target starting = new EmbeddedTarget(process, log, 0);
        try {
            starting.await("port file", Duration.ofSeconds(90), () -> Files.exists(portFile));
            return new EmbeddedTarget(process, log, Integer.parseInt(Files.readString(portFile).strip()));
        } catch (Exception | Error failed) {
            starting.close();
            throw failed;
        }
    }

    @Override
    URI base() {
        return URI.create("ws://127.0.0.1:" + port);
    }

    @Override
    String describe() {
        return "embedded runtime (Tyrus on Grizzly, Weld SE), " + jvm();
    }

    @Override
    void stopGently() {
        try {
            process().getOutputStream().close();
        } catch (IOException alreadyClosed) {
            process().destroy();
        }
    }
}
