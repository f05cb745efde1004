package org.wsdepends.examples.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording of the server ({@code --jfr}, then {@code --analyse}): where the CPU
 * samples are, how much of them runs inside wsdepends (its own code and what it calls), and what
 * wsdepends allocates.
 */
final class JfrSummary {

    private static final List<String> WSDEPENDS = List.of("org.wsdepends.extension.", "org.wsdepends.internal.", "org.wsdepends.core.");

    private final String focus;
    private final Node tree = new Node();
    private final Map<String, Long> self = new HashMap<>();
    private final Map<String, Long> inclusive = new HashMap<>();
    private final Map<String, Long> allocatedTypes = new HashMap<>();
    private final Map<String, Long> allocationSites = new HashMap<>();
    private long samples;
    private long wsdependsSamples;
    private long allocated;
    private long wsdependsAllocated;

    private JfrSummary(String focus) {
        this.focus = focus;
    }

    /**
     * @param recording the recording
     * @param focus     a method ({@code package.Class.method}) whose callees are printed as a tree, or {@code null}
     * @param out       where the summary goes
     * @throws IOException if the recording cannot be read
     */
    static void print(Path recording, String focus, PrintStream out) throws IOException {
        JfrSummary summary = new JfrSummary(focus);
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                switch (event.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> summary.sample(event.getStackTrace());
                    case "jdk.ObjectAllocationSample" -> summary.allocation(event.getStackTrace(),
                            event.getClass("objectClass").getName(), event.getLong("weight"));
                    default -> {
                    }
                }
            }
        }
        summary.print(out);
    }

    private void sample(RecordedStackTrace stack) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return;
        }
        samples++;
        self.merge(name(stack.getFrames().get(0)), 1L, Long::sum);
        Set<String> seen = new HashSet<>();
        for (RecordedFrame frame : stack.getFrames()) {
            String name = name(frame);
            if (isWsdepends(name) && seen.add(name)) {
                inclusive.merge(name, 1L, Long::sum);
            }
        }
        if (!seen.isEmpty()) {
            wsdependsSamples++;
        }
        if (focus != null) {
            List<RecordedFrame> frames = stack.getFrames();
            for (int i = frames.size() - 1; i >= 0; i--) {
                if (name(frames.get(i)).equals(focus)) {
                    Node node = tree;
                    node.samples++;
                    for (int j = i - 1; j >= 0; j--) {
                        node = node.children.computeIfAbsent(name(frames.get(j)), key -> new Node());
                        node.samples++;
                    }
                    break;
                }
            }
        }
    }

    private void allocation(RecordedStackTrace stack, String type, long weight) {
        allocated += weight;
        if (stack == null) {
            return;
        }
        for (RecordedFrame frame : stack.getFrames()) {
            String name = name(frame);
            if (isWsdepends(name)) {
                wsdependsAllocated += weight;
                allocatedTypes.merge(type, weight, Long::sum);
                allocationSites.merge(name + ":" + frame.getLineNumber(), weight, Long::sum);
                return;
            }
        }
    }

    private void print(PrintStream out) {
        out.printf(Locale.ROOT, "CPU samples: %,d; with a wsdepends frame (extension or core) on the stack: %,d (%.1f %%)%n",
                samples, wsdependsSamples, percent(wsdependsSamples, samples));
        top(out, "hottest methods (self)", self, samples, 25);
        top(out, "wsdepends methods (inclusive: their own time and what they call)", inclusive, samples, 30);
        out.printf(Locale.ROOT, "%nallocated (sampled weight): %,d MB; under a wsdepends frame: %,d MB (%.1f %%)%n",
                allocated >> 20, wsdependsAllocated >> 20, percent(wsdependsAllocated, allocated));
        top(out, "types allocated under wsdepends frames", allocatedTypes, wsdependsAllocated, 20);
        top(out, "innermost wsdepends frame of those allocations", allocationSites, wsdependsAllocated, 20);
        if (focus != null) {
            out.printf(Locale.ROOT, "%n%s: %,d samples (%.1f %%); callees with at least 1 %% of all samples:%n", focus,
                    tree.samples, percent(tree.samples, samples));
            tree.print(out, "  ", samples);
        }
    }

    /** A node of the callee tree below the focus method. */
    private static final class Node {
        final Map<String, Node> children = new HashMap<>();
        long samples;

        void print(PrintStream out, String indent, long total) {
            children.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue().samples, a.getValue().samples))
                    .filter(entry -> entry.getValue().samples * 100 >= total)
                    .forEach(entry -> {
                        out.printf(Locale.ROOT, "%s%5.1f %%  %s%n", indent, percent(entry.getValue().samples, total), entry.getKey());
                        entry.getValue().print(out, indent + "  ", total);
                    });
        }
    }

    private static void top(PrintStream out, String title, Map<String, Long> counts, long total, int limit) {
        out.println();
        out.println(title + ":");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit)
                .forEach(entry -> out.printf(Locale.ROOT, "  %5.1f %%  %s%n", percent(entry.getValue(), total), entry.getKey()));
    }

    private static boolean isWsdepends(String frame) {
        for (String prefix : WSDEPENDS) {
            if (frame.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static double percent(long part, long total) {
        return total == 0 ? 0 : 100.0 * part / total;
    }
}
