package org.wsdepends.examples.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The benchmark's command line: {@code --name value} pairs, each with a default. */
final class Options {

    static final String USAGE = """
            usage: java -jar wsdepends-benchmark.jar [--name value]...
              --quick             allocation per operation only, in under a minute (handshake and echo, 3 short
                                  rounds each): for checking a change in a loop
              --rounds N          measured rounds per endpoint for handshakes and echo (default 8, at least 3)
              --heap-rounds N     measured rounds per endpoint for idle-connection heap (default 3)
              --seconds S         length of a handshake or echo round, and of a warm-up round (default 3)
              --warmup-seconds S  at most this much warm-up per phase: alternating rounds until the server's CPU per
                                  operation (with --quick: its allocation) stops falling (default 90; --quick 15)
              --concurrency N     concurrent handshakes (default 8)
              --connections N     echo connections (default 16)
              --message-bytes N   echo message size (default 64)
              --idle N            idle connections for the heap measurement (default 2000)
              --max-ops N         at most N operations per round, whatever its length (default 5000000)
              --phases LIST       any of handshake,echo,heap (default all three)
              --only KIND         raw or wrapped: measure one endpoint only (for profiling)
              --histogram true    write class histograms of what idle connections retain to the work directory
              --server-jvm ARGS   more options for the server's JVM, space-separated (e.g. "-XX:+UseParallelGC")
              --jfr FILE          record the server with JFR (settings=profile) into FILE
              --wildfly HOME      run the server on the WildFly in HOME instead of the embedded runtime
              --payara JAR        run the server on Payara Micro (the jar, e.g. from the local Maven repository)
              --quarkus PATH      measure the same endpoints on Quarkus WebSockets Next: its quarkus-run.jar or the built
                                  examples/benchmark/quarkus (mvn -f examples/benchmark/quarkus/pom.xml package); with
                                  --wildfly or --payara, after that server, and both side by side at the end
              --port-offset N     WildFly's jboss.socket.binding.port-offset, Payara Micro's and Quarkus'
                                  port minus 8080 (default 4100)
              --work DIR          where logs and the WildFly base directory go (default target/benchmark-run)
              --max-minutes M     abort the run after M minutes (default 30)
              --analyse FILE      print a summary of a JFR recording instead of running
              --focus METHOD      with --analyse: the callee tree of package.Class.method
            """;

    /** Options without a value. */
    private static final Set<String> FLAGS = Set.of("quick");
    private static final Set<String> NAMES = Set.of("quick", "rounds", "heap-rounds", "seconds", "warmup-seconds", "concurrency",
            "connections", "message-bytes", "idle", "phases", "only", "jfr", "wildfly", "payara", "quarkus", "port-offset", "work",
            "max-minutes", "analyse", "max-ops", "histogram", "focus", "server-jvm");

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    static Options parse(String[] args, Path defaultWork) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("work", defaultWork.toString());
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name != null && FLAGS.contains(name)) {
                values.put(name, "true");
                continue;
            }
            if (name == null || !NAMES.contains(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown or incomplete option " + args[i] + "\n" + USAGE);
            }
            values.put(name, args[++i]);
        }
        Options options = new Options(values);
        if (options.wildfly() != null && options.payara() != null) {
            throw new IllegalArgumentException("--wildfly and --payara exclude each other\n" + USAGE);
        }
        if (options.only() != null && !List.of("raw", "wrapped").contains(options.only())) {
            throw new IllegalArgumentException("--only takes raw or wrapped\n" + USAGE);
        }
        return options;
    }

    /** @return whether only allocation per operation is measured and printed */
    boolean quick() {
        return values.containsKey("quick");
    }

    int rounds() {
        return number("rounds", quick() ? 3 : 8);
    }

    int heapRounds() {
        return number("heap-rounds", 3);
    }

    Duration round() {
        return seconds("seconds", quick() ? 1 : 3);
    }

    /** @return the longest warm-up of one phase */
    Duration warmup() {
        return seconds("warmup-seconds", quick() ? 15 : 90);
    }

    int concurrency() {
        return number("concurrency", 8);
    }

    int connections() {
        return number("connections", 16);
    }

    int messageBytes() {
        return number("message-bytes", 64);
    }

    int idle() {
        return number("idle", 2000);
    }

    /** Bounds the operations of one round, whatever its duration. */
    int maxOps() {
        return number("max-ops", 5_000_000);
    }

    boolean phase(String name) {
        return List.of(values.getOrDefault("phases", quick() ? "handshake,echo" : "handshake,echo,heap").split(","))
                .contains(name);
    }

    /** @return the endpoints to measure, in the order of each pair of rounds */
    List<String> kinds() {
        return only() == null ? List.of("raw", "wrapped") : List.of(only());
    }

    String only() {
        return values.get("only");
    }

    boolean histogram() {
        return Boolean.parseBoolean(values.get("histogram"));
    }

    List<String> serverJvm() {
        String value = values.get("server-jvm");
        return value == null || value.isBlank() ? List.of() : List.of(value.strip().split("\\s+"));
    }

    Path jfr() {
        return path("jfr");
    }

    Path wildfly() {
        return path("wildfly");
    }

    Path payara() {
        return path("payara");
    }

    Path quarkus() {
        return path("quarkus");
    }

    int portOffset() {
        return number("port-offset", 4100);
    }

    Path work() {
        return path("work");
    }

    Duration maxRun() {
        return Duration.ofMinutes(number("max-minutes", 30));
    }

    String focus() {
        return values.get("focus");
    }

    Path analyse() {
        return path("analyse");
    }

    /** @return the settings as passed or defaulted, for the report */
    String describe() {
        return (quick() ? "quick, " : "") + "rounds " + rounds() + "+" + rounds() + " (heap " + heapRounds() + "+"
                + heapRounds() + "), " + round().toMillis() / 1000.0 + " s each, after a warm-up in rounds of the same length"
                + " until the server's " + (quick() ? "allocation" : "CPU") + " per operation stopped falling (at most "
                + warmup().toMillis() / 1000.0 + " s per phase)";
    }

    private Path path(String name) {
        String value = values.get(name);
        return value == null ? null : Path.of(value);
    }

    private int number(String name, int defaultValue) {
        String value = values.get(name);
        try {
            return value == null ? defaultValue : Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("--" + name + " takes a whole number: " + value);
        }
    }

    private Duration seconds(String name, double defaultValue) {
        String value = values.get(name);
        try {
            double seconds = value == null ? defaultValue : Double.parseDouble(value);
            return Duration.ofMillis((long) (seconds * 1000));
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("--" + name + " takes a number of seconds: " + value);
        }
    }
}
