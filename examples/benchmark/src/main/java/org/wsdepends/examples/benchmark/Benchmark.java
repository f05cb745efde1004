package org.wsdepends.examples.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * What wrapping costs: the same endpoint raw ({@code RawEcho}) and wrapped ({@code WrappedEcho}) on
 * one server, measured in one run from this JVM over loopback, in alternating rounds (raw, wrapped,
 * raw, wrapped, ...). Prints the medians, wrapped against raw, and the budget of design.md §7.
 *
 * <p>The server runs in a JVM of its own (the embedded runtime), on a WildFly given with
 * {@code --wildfly} or on Payara Micro given with {@code --payara}; its CPU time and heap come from
 * the server process itself, because this load generator shares the machine's cores with it. With
 * {@code --quarkus}, the same endpoints on Quarkus WebSockets Next are measured the same way, after the
 * server, as the peer to compare with.
 */
public final class Benchmark {

    private static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";
    /**
     * Warm-up alternates too, so that the JIT compiler sees both endpoints' paths equally often; it ends after this
     * many rounds in a row of each endpoint that cost no less than the best before them.
     */
    private static final int STEADY_ROUNDS = 2;

    private Benchmark() {
    }

    /**
     * @param args see {@link Options#USAGE}
     * @throws Exception if the run could not be completed
     */
    public static void main(String[] args) throws Exception {
        // before anything creates the common pool: on 2 cores its default makes the JDK WebSocket
        // client start a thread per task (research/embedded.md #16)
        if (System.getProperty(PARALLELISM) == null) {
            System.setProperty(PARALLELISM, Integer.toString(Math.max(2, Runtime.getRuntime().availableProcessors())));
        }
        Options options;
        try {
            options = Options.parse(args, defaultWork());
        } catch (IllegalArgumentException usage) {
            System.err.println(usage.getMessage());
            System.exit(2);
            return;
        }
        if (options.analyse() != null) {
            JfrSummary.print(options.analyse(), options.focus(), System.out);
            return;
        }
        System.exit(run(options, System.out, System.err) ? 0 : 1);
    }

    /**
     * Runs the benchmark on each server it names, one after the other, and prints a report for each; with a
     * server and {@code --quarkus}, also the server's figures beside Quarkus'.
     *
     * @param options  the settings
     * @param out      where the report goes
     * @param progress where each round is reported as it ends
     * @return whether every operation succeeded and every resource was closed again
     * @throws Exception if a server could not be started or stopped answering
     */
    static boolean run(Options options, PrintStream out, PrintStream progress) throws Exception {
        long deadline = System.nanoTime() + options.maxRun().toNanos();
        List<Server> servers = servers(options);
        List<Report> reports = new ArrayList<>();
        boolean clean = true;
        for (Server server : servers) {
            Report report = new Report();
            clean &= run(server, options, report, deadline, out, progress);
            reports.add(report);
        }
        if (servers.size() == 2) {
            out.println();
            out.println(servers.get(0).name() + " beside " + servers.get(1).name() + " (medians of each run's rounds; the two"
                    + " servers ran one after the other, not in alternating rounds):");
            out.println();
            Report.printPeer(out, servers.get(0).name(), reports.get(0), servers.get(1).name(), reports.get(1),
                    options.quick());
        }
        return clean;
    }

    /** A server to run the endpoints on: its name in the report, and how to start it. */
    private record Server(String name, String from, Starter starter) {
    }

    @FunctionalInterface
    private interface Starter {
        Target start() throws Exception;
    }

    private static List<Server> servers(Options options) {
        List<Server> servers = new ArrayList<>();
        Path work = options.work();
        if (options.wildfly() != null) {
            servers.add(new Server("WildFly", options.wildfly().toString(), () -> WildFlyTarget.start(options.wildfly(), work,
                    options.portOffset(), options.jfr(), options.serverJvm())));
        } else if (options.payara() != null) {
            servers.add(new Server("Payara Micro", options.payara().toString(), () -> PayaraTarget.start(options.payara(), work,
                    options.portOffset(), options.jfr(), options.serverJvm())));
        } else if (options.quarkus() == null) {
            servers.add(new Server("embedded", "this class path", () -> EmbeddedTarget.start(work, options.jfr(),
                    options.serverJvm())));
        }
        if (options.quarkus() != null) {
            Path jfr = options.jfr() == null || servers.isEmpty() ? options.jfr() : besideServers(options.jfr());
            servers.add(new Server("Quarkus", options.quarkus().toString(), () -> QuarkusTarget.start(options.quarkus(), work,
                    options.portOffset(), jfr, options.serverJvm())));
        }
        return servers;
    }

    /** With a server before it, Quarkus' recording goes next to the server's, not over it. */
    private static Path besideServers(Path jfr) {
        return jfr.resolveSibling("quarkus-" + jfr.getFileName());
    }

    private static boolean run(Server server, Options options, Report report, long deadline, PrintStream out,
            PrintStream progress) throws Exception {
        String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        String loadBefore = loadAverage();
        ExecutorService executor = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "bench-client");
            thread.setDaemon(true);
            return thread;
        });
        progress.println("starting the server (" + server.name() + ", " + server.from() + "), logs in " + options.work());
        try (Target target = server.starter().start()) {
            HttpClient client = HttpClient.newBuilder().executor(executor).build();
            boolean clean;
            try (Probe probe = Probe.connect(client, target.base())) {
                Load load = new Load(client, target.base(), probe, options.messageBytes());
                checkSameWork(load, options.kinds(), progress);
                Histograms histograms = options.histogram() ? new Histograms(target.serverPid(), options.work()) : null;
                measure(options, load, report, histograms, deadline, progress);
                clean = allClosed(probe, progress);
            }
            out.println();
            out.println("wsdepends benchmark, " + started + ": " + target.compared() + ", same server, same run");
            out.println("server: " + target.describe());
            out.println("machine: " + machine() + "; load average (1, 5, 15 min) before " + loadBefore + ", after "
                    + loadAverage());
            out.println("settings: " + options.describe());
            out.println();
            report.print(out, options.quick());
            if (report.errors() > 0) {
                out.println();
                out.println("WARNING: " + report.errors() + " operations failed; see " + options.work());
            }
            return clean && report.errors() == 0;
        } finally {
            executor.shutdownNow();
        }
    }

    private static void measure(Options options, Load load, Report report, Histograms histograms, long deadline,
            PrintStream progress) throws Exception {
        List<String> kinds = options.kinds();
        if (options.phase("handshake")) {
            String label = "open, first message, close; " + options.concurrency() + " concurrent";
            Phase handshakes = (kind, length) -> load.handshakes(kind, options.concurrency(), length, options.maxOps());
            warmUp("handshake", handshakes, options, deadline, progress);
            for (int i = 1; i <= options.rounds(); i++) {
                for (String kind : kinds) {
                    checkTime(deadline);
                    Load.Round round = handshakes.round(kind, options.round());
                    report.handshake(round, label);
                    progress.printf(Locale.ROOT, "handshake %-7s round %d: %,8.0f/s  %,7.0f µs server CPU, %,7.0f B allocated each%s%n",
                            kind, i, round.perSecond(), round.cpuMicrosPerOp(), round.allocatedBytesPerOp(), errors(round));
                }
            }
        }
        if (options.phase("echo")) {
            String label = options.connections() + " connections, " + options.messageBytes() + " B";
            Phase echoes = (kind, length) -> load.echo(kind, options.connections(), length, options.maxOps());
            warmUp("echo", echoes, options, deadline, progress);
            for (int i = 1; i <= options.rounds(); i++) {
                for (String kind : kinds) {
                    checkTime(deadline);
                    Load.Round round = echoes.round(kind, options.round());
                    report.echo(round, label);
                    progress.printf(Locale.ROOT, "echo      %-7s round %d: %,8.0f/s  %,7.1f µs server CPU, %,7.0f B allocated each%s%n",
                            kind, i, round.perSecond(), round.cpuMicrosPerOp(), round.allocatedBytesPerOp(), errors(round));
                }
            }
        }
        if (options.phase("heap")) {
            String label = String.format(Locale.ROOT, "%,d open", options.idle());
            for (String kind : kinds) {
                load.idleHeap(kind, Math.max(1, options.idle() / 10), options.concurrency(), null);
            }
            for (int i = 1; i <= options.heapRounds(); i++) {
                for (String kind : kinds) {
                    checkTime(deadline);
                    Load.HeapRound round = load.idleHeap(kind, options.idle(), options.concurrency(), histograms);
                    report.heap(round, label);
                    progress.printf(Locale.ROOT, "heap      %-7s round %d: %,8.0f B per idle connection%n", kind, i,
                            round.bytesPerConnection());
                }
            }
        }
    }

    /** One measured phase: a round of {@code length} against one endpoint. */
    @FunctionalInterface
    private interface Phase {
        Load.Round round(String kind, Duration length) throws Exception;
    }

    /**
     * Warms up in alternating rounds until the server's cost per operation (CPU time; with {@code --quick} the
     * allocation, which is what it prints) stops falling for every endpoint: on a saturated machine the JIT
     * compiler's threads are starved, so a fixed warm-up time is either too short or wasted. Stops at
     * {@code --warmup-seconds} in any case.
     */
    private static void warmUp(String phase, Phase rounds, Options options, long deadline, PrintStream progress)
            throws Exception {
        long end = System.nanoTime() + options.warmup().toNanos();
        Map<String, Double> best = new HashMap<>();
        Map<String, Integer> steady = new HashMap<>();
        int chunk = 0;
        while (System.nanoTime() < end) {
            chunk++;
            for (String kind : options.kinds()) {
                checkTime(deadline);
                Load.Round round = rounds.round(kind, options.round());
                double cost = options.quick() ? round.allocatedBytesPerOp() : round.cpuMicrosPerOp();
                double before = best.getOrDefault(kind, Double.MAX_VALUE);
                // a round no more than 3 % below the best so far has stopped falling
                steady.put(kind, cost >= 0.97 * before ? steady.getOrDefault(kind, 0) + 1 : 0);
                best.put(kind, Math.min(before, cost));
                progress.printf(Locale.ROOT, "warm-up %-9s %-7s round %d: %,9.1f %s per operation%n", phase, kind, chunk, cost,
                        options.quick() ? "B" : "µs server CPU");
            }
            if (options.kinds().stream().allMatch(kind -> steady.getOrDefault(kind, 0) >= STEADY_ROUNDS)) {
                progress.printf(Locale.ROOT, "warm-up %s: steady after %d rounds%n", phase, chunk);
                return;
            }
        }
        progress.printf(Locale.ROOT, "warm-up %s: still falling after %s s (--warmup-seconds); measuring anyway%n", phase,
                options.warmup().toSeconds());
    }

    /** Both endpoints must answer the same handshake with the same message, and echo. */
    private static void checkSameWork(Load load, List<String> kinds, PrintStream progress) throws Exception {
        String expected = null;
        for (String kind : kinds) {
            Conn conn = new Conn();
            WebSocket socket = load.open(kind, conn).get(30, TimeUnit.SECONDS);
            String welcome = conn.first.get(30, TimeUnit.SECONDS);
            if (expected != null && !expected.equals(welcome)) {
                throw new IllegalStateException("the endpoints differ: raw sent \"" + expected + "\", " + kind + " sent \""
                        + welcome + "\"");
            }
            expected = welcome;
            load.closeAll(List.of(conn));
            if (!socket.isOutputClosed()) {
                throw new IllegalStateException(kind + " did not close");
            }
        }
        progress.println("both endpoints answer: " + expected);
    }

    /** The endpoints' resources must all be closed once the connections are (the disposer ran each time). */
    private static boolean allClosed(Probe probe, PrintStream progress) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long open;
        while ((open = probe.openResources()) != 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (open != 0) {
            progress.println("ERROR: " + open + " resources are still open after every connection closed");
        }
        return open == 0;
    }

    private static String errors(Load.Round round) {
        return round.errors() == 0 ? "" : "  (" + round.errors() + " failed)";
    }

    private static void checkTime(long deadline) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the run took longer than --max-minutes; stopped");
        }
    }

    private static String machine() {
        String cpu = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .findFirst().map(line -> line.substring(line.indexOf(':') + 1).strip() + ", ").orElse("");
        } catch (IOException notLinux) {
            // the model is a nice-to-have
        }
        return cpu + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + ", " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version") + ", common pool parallelism "
                + ForkJoinPool.getCommonPoolParallelism();
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException notLinux) {
            return String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }

    /** {@code target/benchmark-run} next to the jar (or the classes directory) this runs from. */
    private static Path defaultWork() {
        try {
            Path source = Path.of(Benchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return source.toAbsolutePath().getParent().resolve("benchmark-run");
        } catch (URISyntaxException | RuntimeException unknown) {
            return Path.of("benchmark-run");
        }
    }
}
