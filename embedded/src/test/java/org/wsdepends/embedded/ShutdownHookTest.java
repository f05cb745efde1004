package org.wsdepends.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code main} that blocks in join() and is stopped like Ctrl-C stops it: with SIGTERM. */
class ShutdownHookTest {

    /** The one-command demo shape: start, print where, block until the JVM is asked to stop. */
    public static final class Main {
        public static void main(String[] args) throws InterruptedException {
            WsDependsServer server = WsDependsServer.builder()
                    .port(0)
                    .endpoints(EchoEndpoint.class)
                    .beans(Greeter.class, Recorder.class)
                    .stopOnShutdown(true)
                    .start();
            System.out.println("PORT " + server.port());
            System.out.flush();
            server.join();
        }
    }

    @Test
    void sigtermClosesConnectionsWithGoingAway(@TempDir Path temp) throws Exception {
        Path log = temp.resolve("server.log");
        String javaCommand = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(javaCommand, "-cp", System.getProperty("java.class.path"), Main.class.getName())
                .redirectError(log.toFile())
                .start();
        try {
            BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).as("first line of the server's output; its log: %s", log).startsWith("PORT ");
            int port = Integer.parseInt(line.substring("PORT ".length()));
            WsTestClient client = WsTestClient.connect(URI.create("ws://127.0.0.1:" + port + "/echo"));
            assertThat(client.send("before").nextText()).endsWith(": before");

            process.destroy();

            assertThat(client.awaitClose()).isEqualTo(new WsTestClient.Closed(1001, "Server shutting down"));
            // JUL resets its handlers in a shutdown hook of its own, so the server's last log lines may be lost:
            // the close frame above is the evidence that close() ran
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("exited; its log: %s", log).isTrue();
        } finally {
            process.destroyForcibly();
        }
    }
}
