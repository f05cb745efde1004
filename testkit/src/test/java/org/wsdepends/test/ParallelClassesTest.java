package org.wsdepends.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.wsdepends.embedded.WsDependsServer;
import org.wsdepends.test.samples.ParallelSamples;

/** Test classes run in JUnit's parallel mode each get their own server, with their own overrides. */
class ParallelClassesTest {

    @Test
    void concurrentClassesEachHaveTheirOwnServer() {
        ParallelSamples.SERVERS.clear();

        EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
                .selectors(selectClass(ParallelSamples.First.class), selectClass(ParallelSamples.Second.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));

        WsDependsServer first = ParallelSamples.SERVERS.get(ParallelSamples.First.class);
        WsDependsServer second = ParallelSamples.SERVERS.get(ParallelSamples.Second.class);
        assertThat(first).isNotNull().isNotSameAs(second);
        assertThat(first.port()).isNotEqualTo(second.port());
        assertThat(first.toString()).endsWith(", closed]");
        assertThat(second.toString()).endsWith(", closed]");
    }
}
