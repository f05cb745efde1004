package org.wsdepends.examples.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole harness with a few dozen operations: server JVM, both endpoints, every phase, the table. */
class BenchmarkSmokeTest {

    @Test
    void runsEveryPhaseAgainstBothEndpointsAndPrintsTheTable(@TempDir Path work) throws Exception {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Options options = Options.parse(new String[] {"--rounds", "1", "--heap-rounds", "1", "--seconds", "0.3",
                "--warmup-seconds", "0.3", "--max-ops", "20", "--idle", "10", "--work", work.toString()}, work);

        boolean clean = Benchmark.run(options, new PrintStream(report, true, StandardCharsets.UTF_8),
                new PrintStream(progress, true, StandardCharsets.UTF_8));

        String table = report.toString(StandardCharsets.UTF_8);
        assertThat(clean).as(table + progress.toString(StandardCharsets.UTF_8)).isTrue();
        assertThat(progress.toString(StandardCharsets.UTF_8))
                .contains("both endpoints answer: welcome user-t-1 to lobby (limit 50, client bench, session s-42)");
        assertThat(table)
                .contains("| metric | raw | wrapped | wrapped vs raw | budget | |")
                .containsPattern("\\| handshakes/s \\(.*\\) \\| [\\d,]+ \\| [\\d,]+ \\| [\\d.]+ % \\| ≥ 95 % \\| (met|\\*\\*missed\\*\\*), (not )?resolved \\(\\d of 1 pairs met\\) \\|")
                .containsPattern("\\| server CPU per handshake \\| [\\d,]+ µs \\| [\\d,]+ µs \\| [+-][\\d,]+ µs \\| ≤ \\+50 µs \\|")
                .containsPattern("\\| echo messages/s \\(16 connections, 64 B\\) \\| [\\d,]+ \\| [\\d,]+ \\| [\\d.]+ % \\| ≥ 98 % \\|")
                .containsPattern("\\| retained heap per idle connection \\(10 open\\) \\| [\\d.,]+ KiB \\| [\\d.,]+ KiB \\|");
    }

    @Test
    void quickPrintsOnlyTheAllocationPerOperation(@TempDir Path work) throws Exception {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Options options = Options.parse(new String[] {"--quick", "--seconds", "0.3", "--warmup-seconds", "0.3",
                "--max-ops", "20", "--work", work.toString()}, work);

        boolean clean = Benchmark.run(options, new PrintStream(report, true, StandardCharsets.UTF_8),
                new PrintStream(progress, true, StandardCharsets.UTF_8));

        String table = report.toString(StandardCharsets.UTF_8);
        assertThat(clean).as(table + progress.toString(StandardCharsets.UTF_8)).isTrue();
        assertThat(table)
                .containsPattern("\\| server allocation per handshake \\| [\\d.,]+ KiB \\| [\\d.,]+ KiB \\| [+-][\\d.,]+ KiB \\| ≤ \\+4 KiB \\|")
                .containsPattern("\\| server allocation per echo \\| [\\d,]+ B \\| [\\d,]+ B \\| [+-][\\d,]+ B \\| 0 B \\(± 8 B\\) \\|")
                .doesNotContain("handshakes/s", "echo messages/s", "retained heap");
    }
}
