package org.wsdepends.examples.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The load generator's connection to the server's control endpoint: the server process's CPU time,
 * its heap after a full GC and its count of open resources. One question at a time.
 */
final class Probe implements AutoCloseable {

    private final WebSocket socket;
    private final BlockingQueue<String> answers = new ArrayBlockingQueue<>(1);

    private Probe(HttpClient client, URI uri) throws Exception {
        socket = client.newWebSocketBuilder().buildAsync(uri, new Conn(answers::add)).get(30, TimeUnit.SECONDS);
    }

    static Probe connect(HttpClient client, URI base) throws Exception {
        return new Probe(client, URI.create(base + "/bench/control"));
    }

    /** @return the server process's CPU time, all threads, in nanoseconds */
    synchronized long cpuNanos() throws Exception {
        return ask("cpu");
    }

    /** @return the bytes the server's live threads have allocated so far */
    synchronized long allocatedBytes() throws Exception {
        return ask("allocated");
    }

    /** @return the server's used heap after full GCs, in bytes */
    synchronized long heapAfterGc() throws Exception {
        return ask("heap");
    }

    /** @return how many of the endpoints' resources are open */
    synchronized long openResources() throws Exception {
        return ask("dbs");
    }

    private long ask(String command) throws Exception {
        answers.clear();
        socket.sendText(command, true).get(30, TimeUnit.SECONDS);
        String answer = answers.poll(60, TimeUnit.SECONDS);
        if (answer == null) {
            throw new IOException("the server did not answer \"" + command + "\" within 60 s");
        }
        try {
            return Long.parseLong(answer);
        } catch (NumberFormatException unexpected) {
            throw new IOException("the server answered \"" + command + "\" with " + answer, unexpected);
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(5, TimeUnit.SECONDS).exceptionally(failure -> null).join();
    }
}
