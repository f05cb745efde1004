package org.wsdepends.examples.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A server process running the benchmark's endpoints, started and stopped by the load generator. */
abstract class Target implements AutoCloseable {

    private final Process process;
    private final Path log;

    Target(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The options of every server JVM, whatever runs in it, before the run's own. */
    static final List<String> SERVER_JVM = List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC",
            // research/embedded.md #16: with the common pool's default on 2 cores, async code starts a thread per task
            "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2");

    /**
     * The command that starts a server JVM the same way for every target that starts one itself.
     *
     * @param jfr        the recording to write, {@code null} for none
     * @param jvmOptions the run's extra JVM options
     * @return {@code java} and its options, to which the caller adds what to run
     */
    static List<String> javaCommand(Path jfr, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(SERVER_JVM);
        command.addAll(jfrOptions(jfr));
        command.addAll(jvmOptions);
        return command;
    }

    /**
     * @param jfr the recording to write, {@code null} for none
     * @return the JVM options that record the server with JFR
     */
    static List<String> jfrOptions(Path jfr) {
        // the default depth of 64 frames cuts Grizzly's and Tyrus's stacks above the endpoint
        return jfr == null ? List.of() : List.of("-XX:FlightRecorderOptions=stackdepth=256",
                "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + jfr.toAbsolutePath());
    }

    /** @return the base URI of the endpoints, e.g. {@code ws://127.0.0.1:8080/app} (no trailing slash) */
    abstract URI base();

    /** @return what the report's raw and wrapped columns are */
    String compared() {
        return "wrapped (5 handshake values, 2 dependencies, @Min) against raw (the same work by hand)";
    }

    /** @return what runs the endpoints, for the report */
    abstract String describe();

    /** @return the server JVM's process id and the options every server JVM gets, for {@link #describe()} */
    String jvm() {
        return "server JVM pid " + serverPid() + ": " + String.join(" ", SERVER_JVM);
    }

    /** Stops the server: gently, then (bounded) by force, the whole process tree. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> tree = process.descendants().toList();
        stopGently();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            tree.forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    /** @return the process id of the server's JVM: the process started, unless it starts the JVM itself */
    long serverPid() {
        return process.pid();
    }

    /**
     * Asks the server to stop; {@link #close()} waits for the process afterwards. SIGTERM, by default: a JVM server
     * stops its applications in its shutdown hooks.
     */
    void stopGently() {
        process.destroy();
    }

    Process process() {
        return process;
    }

    /** Waits until {@code ready} holds, failing with the server's log if the process ends or time runs out. */
    void await(String what, Duration timeout, Check ready) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.holds()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server process ended before " + what + "; its log:\n" + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + what + " after " + timeout.toSeconds() + " s; the server's log:\n"
                        + logTail());
            }
            Thread.sleep(100);
        }
    }

    /** Waits until the control endpoint accepts a connection: the endpoints are deployed. */
    void awaitControl(String what, Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI control = URI.create(base() + "/bench/control");
        await(what, timeout, () -> {
            try {
                WebSocket socket = client.newWebSocketBuilder().buildAsync(control, new Conn(text -> { })).get(5, TimeUnit.SECONDS);
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
                return true;
            } catch (ExecutionException | TimeoutException notYet) {
                return false;
            }
        });
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException unreadable) {
            return "(cannot read " + log + ": " + unreadable + ")";
        }
    }

    /** A condition to wait for. */
    interface Check {
        boolean holds() throws Exception;
    }
}
