package org.wsdepends.examples.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Class histograms of the server's live heap ({@code jcmd GC.class_histogram}) before the idle
 * connections are opened and while they are open ({@code --histogram}): what one idle connection
 * retains, class by class.
 */
final class Histograms {

    private final long pid;
    private final Path work;
    private Map<String, long[]> before;

    Histograms(long pid, Path work) {
        this.pid = pid;
        this.work = work;
    }

    void before() throws IOException, InterruptedException {
        before = take();
    }

    /** Writes the difference per connection to {@code heap-<kind>.txt} in the work directory. */
    Path with(String kind, int connections) throws IOException, InterruptedException {
        Map<String, long[]> after = take();
        List<Map.Entry<String, long[]>> diff = new ArrayList<>();
        after.forEach((type, counts) -> {
            long[] old = before.getOrDefault(type, new long[2]);
            long instances = counts[0] - old[0];
            long bytes = counts[1] - old[1];
            if (bytes != 0) {
                diff.add(Map.entry(type, new long[] {instances, bytes}));
            }
        });
        diff.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
        Path file = work.resolve("heap-" + kind + ".txt");
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
            long total = diff.stream().mapToLong(entry -> entry.getValue()[1]).sum();
            out.printf(Locale.ROOT, "%s: %,d idle connections, %,.0f bytes each in the live heap%n", kind, connections,
                    (double) total / connections);
            out.println("bytes/conn  objects/conn  class");
            for (Map.Entry<String, long[]> entry : diff) {
                out.printf(Locale.ROOT, "%10.1f  %12.2f  %s%n", (double) entry.getValue()[1] / connections,
                        (double) entry.getValue()[0] / connections, entry.getKey());
            }
        }
        return file;
    }

    private Map<String, long[]> take() throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "GC.class_histogram").redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IOException("jcmd " + pid + " GC.class_histogram failed: " + output);
        }
        Map<String, long[]> counts = new HashMap<>();
        for (String line : output.split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length >= 4 && fields[0].endsWith(":")) {
                counts.put(fields[3], new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[2])});
            }
        }
        return counts;
    }
}
