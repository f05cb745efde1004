package org.wsdepends.examples.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.wsdepends.embedded.WsDependsServer;
import org.wsdepends.examples.benchmark.app.BenchDependencies;
import org.wsdepends.examples.benchmark.app.Control;
import org.wsdepends.examples.benchmark.app.RawEcho;
import org.wsdepends.examples.benchmark.app.WrappedEcho;

/**
 * The server process of the embedded mode: both endpoints and the control endpoint on one embedded
 * server. {@link Benchmark} starts it in its own JVM, reads the port from the file named by the first
 * argument, and stops it by closing the process's standard input.
 */
public final class BenchServer {

    private BenchServer() {
    }

    /**
     * @param args the file to write the port to
     * @throws IOException if the port file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path portFile = Path.of(args[0]);
        try (WsDependsServer server = start(0)) {
            Path written = Files.writeString(portFile.resolveSibling(portFile.getFileName() + ".tmp"),
                    Integer.toString(server.port()));
            Files.move(written, portFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            // serves until the load generator closes the pipe, which also happens when it dies
            while (System.in.read() >= 0) {
                Thread.onSpinWait();
            }
        }
    }

    /**
     * Starts the benchmark's endpoints on the embedded runtime.
     *
     * @param port the port, 0 for a free one
     * @return the running server
     */
    public static WsDependsServer start(int port) {
        return WsDependsServer.builder()
                .port(port)
                .endpoints(RawEcho.class, WrappedEcho.class, Control.class)
                .beans(BenchDependencies.class)
                .start();
    }
}
