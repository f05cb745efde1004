package org.wsdepends.examples.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Medians, wrapped against raw, and the verdicts against the budget. */
class ReportTest {

    @Test
    void comparesTheMediansOfAlternatingRoundsWithTheBudget() {
        Report report = new Report();
        // per round: 1,000 operations; raw 1 s each, wrapped a little slower; server CPU in ns
        long[] ops = new long[1000];
        report.handshake(new Load.Round("raw", 1_000_000_000L, 200_000_000L, 0, 0, ops, 0), "8 concurrent");
        report.handshake(new Load.Round("wrapped", 1_040_000_000L, 260_000_000L, 0, 0, ops, 0), "8 concurrent");
        report.handshake(new Load.Round("raw", 2_000_000_000L, 400_000_000L, 0, 0, ops, 0), "8 concurrent");
        report.handshake(new Load.Round("wrapped", 1_030_000_000L, 230_000_000L, 0, 0, ops, 0), "8 concurrent");
        report.handshake(new Load.Round("raw", 1_000_000_000L, 210_000_000L, 0, 0, ops, 0), "8 concurrent");
        report.handshake(new Load.Round("wrapped", 1_050_000_000L, 250_000_000L, 0, 0, ops, 0), "8 concurrent");
        report.heap(new Load.HeapRound("raw", 1000, 18_000_000L), "1,000 open");
        report.heap(new Load.HeapRound("wrapped", 1000, 21_000_000L), "1,000 open");

        String table = print(report);

        assertThat(table)
                .contains("| handshakes/s (8 concurrent) | 1,000 | 962 | 96.2 % | ≥ 95 % | met, resolved (3 of 3 pairs met) |")
                .contains("| server CPU per handshake | 210 µs | 250 µs | +40 µs | ≤ +50 µs | met, not resolved (2 of 3 pairs met) |")
                .contains("| retained heap per idle connection (1,000 open) | 17.58 KiB | 20.51 KiB | +2.93 KiB | ≤ +2 KiB | **missed**, resolved (0 of 1 pairs met) |")
                .contains("pairs: 96.2% 194.2% 95.2% (median 96.2%, 95.2% to 194.2%)")
                .contains("pairs: +60.0 -170.0 +40.0 (median +40.0, -170.0 to +60.0)");
    }

    @Test
    void allocationComesFirstAndQuickPrintsOnlyTheExactFigures() {
        Report report = new Report();
        long[] ops = new long[1000];
        report.echo(new Load.Round("raw", 1_000_000_000L, 50_000_000L, 0, 2_852_000L, ops, 0), "16 connections");
        report.echo(new Load.Round("wrapped", 1_000_000_000L, 51_000_000L, 0, 2_855_000L, ops, 0), "16 connections");
        report.echo(new Load.Round("raw", 1_000_000_000L, 50_000_000L, 0, 2_852_000L, ops, 0), "16 connections");
        report.echo(new Load.Round("wrapped", 1_000_000_000L, 50_000_000L, 0, 3_270_000L, ops, 0), "16 connections");

        String full = print(report);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8), true);
        String quick = out.toString(StandardCharsets.UTF_8);

        assertThat(full.indexOf("| server allocation per echo")).isLessThan(full.indexOf("| echo messages/s"));
        assertThat(full).contains("| server allocation per echo | 2,852 B | 3,063 B | +211 B | 0 B (± 8 B) | **missed**, not resolved (1 of 2 pairs met) |")
                .contains("| server CPU per echo | 50.0 µs | 50.5 µs | +0.5 µs | ≤ +2 µs | met, resolved (2 of 2 pairs met) |");
        assertThat(quick).contains("| server allocation per echo |").doesNotContain("echo messages/s", "server CPU per echo");
    }

    /** Each pair shares the machine's conditions of its moment; the medians of all rounds do not. */
    @Test
    void wrappedAgainstRawIsTheMedianOfThePairs() {
        Report report = new Report();
        long[] ops = new long[1000];
        long second = 1_000_000_000L;
        report.handshake(new Load.Round("raw", second, 200_000_000L, 0, 0, ops, 0), "8 concurrent");
        report.handshake(new Load.Round("wrapped", second, 250_000_000L, 0, 0, ops, 0), "8 concurrent");
        report.handshake(new Load.Round("raw", second, 400_000_000L, 0, 0, ops, 0), "8 concurrent");
        report.handshake(new Load.Round("wrapped", second, 230_000_000L, 0, 0, ops, 0), "8 concurrent");
        report.handshake(new Load.Round("raw", second, 210_000_000L, 0, 0, ops, 0), "8 concurrent");
        report.handshake(new Load.Round("wrapped", second, 260_000_000L, 0, 0, ops, 0), "8 concurrent");

        // medians of the rounds: 210 and 250 µs (+40); pairs +50, -170, +50
        assertThat(print(report)).contains("| server CPU per handshake | 210 µs | 250 µs | +50 µs | ≤ +50 µs | met, resolved (3 of 3 pairs met) |");
    }

    @Test
    void aDifferenceThatRoundsToZeroHasAPlusSign() {
        Report report = new Report();
        long[] ops = new long[1000];
        report.handshake(new Load.Round("raw", 1_000_000_000L, 200_000_000L, 270_300_000L, 0, ops, 0), "8 concurrent");
        report.handshake(new Load.Round("wrapped", 1_000_000_000L, 200_000_000L, 270_000_000L, 0, ops, 0), "8 concurrent");

        assertThat(print(report)).contains("| load generator CPU per handshake | 270 µs | 270 µs | +0 µs |  |  |");
    }

    @Test
    void showsOnlyTheMeasuredEndpointWhenProfilingOne() {
        Report report = new Report();
        report.echo(new Load.Round("wrapped", 1_000_000_000L, 40_000_000L, 0, 0, new long[] {1_000_000, 2_000_000}, 0), "16 connections");

        assertThat(print(report)).contains("| echo messages/s (16 connections) |  | 2 |  | ≥ 98 % |  |");
    }

    /** Two servers ran one after the other: only every round against every round resolves the target. */
    @Test
    void printsTheServerBesideThePeerAgainstTheTargetOfTenPercent() {
        Report server = new Report();
        Report peer = new Report();
        long[] ops = new long[1000];
        long second = 1_000_000_000L;
        for (long wrappedCpu : new long[] {40_000_000L, 44_000_000L}) {
            server.echo(new Load.Round("raw", second, 38_000_000L, 0, 2_600_000L, ops, 0), "16 connections");
            server.echo(new Load.Round("wrapped", second, wrappedCpu, 0, 2_700_000L, ops, 0), "16 connections");
        }
        for (long wrappedCpu : new long[] {38_000_000L, 39_000_000L}) {
            peer.echo(new Load.Round("raw", second, 30_000_000L, 0, 2_200_000L, ops, 0), "16 connections");
            peer.echo(new Load.Round("wrapped", second, wrappedCpu, 0, 2_250_000L, ops, 0), "16 connections");
        }
        for (long wrappedCpu : new long[] {1_200_000_000L, 1_300_000_000L}) {
            server.handshake(new Load.Round("raw", second, 1_100_000_000L, 0, 0, ops, 0), "8 concurrent");
            server.handshake(new Load.Round("wrapped", second, wrappedCpu, 0, 0, ops, 0), "8 concurrent");
        }
        for (long wrappedCpu : new long[] {600_000_000L, 700_000_000L}) {
            peer.handshake(new Load.Round("raw", second, 650_000_000L, 0, 0, ops, 0), "8 concurrent");
            peer.handshake(new Load.Round("wrapped", second, wrappedCpu, 0, 0, ops, 0), "8 concurrent");
        }

        String full = printPeer(server, peer, false);
        String quick = printPeer(server, peer, true);

        assertThat(full)
                .contains("| metric | WildFly raw | WildFly wrapped | Quarkus raw | Quarkus same work | WildFly wrapped vs Quarkus same work | target | |")
                .contains("| server CPU per echo | 38.0 µs | 42.0 µs | 30.0 µs | 38.5 µs | 109 % | ≤ 110 % | met, not resolved"
                        + " (every round against every round: 103 % to 116 %) |")
                .contains("| server CPU per handshake | 1,100 µs | 1,250 µs | 650 µs | 650 µs | 192 % | ≤ 110 % | **missed**, resolved"
                        + " (every round against every round: 171 % to 217 %) |")
                .contains("| server allocation per echo | 2,600 B | 2,700 B | 2,200 B | 2,250 B | 120 % |  |  |")
                .doesNotContain("echo messages/s", "load generator");
        assertThat(quick).contains("| server allocation per echo |").doesNotContain("server CPU");
    }

    private static String printPeer(Report server, Report peer, boolean exactOnly) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Report.printPeer(new PrintStream(out, true, StandardCharsets.UTF_8), "WildFly", server, "Quarkus", peer, exactOnly);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String print(Report report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8), false);
        return out.toString(StandardCharsets.UTF_8);
    }
}
