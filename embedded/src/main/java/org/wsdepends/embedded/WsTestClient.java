package org.wsdepends.embedded;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A WebSocket client for tests, on the JDK's {@code java.net.http} client: an implementation
 * independent of the server's. It records every text and binary message and the close frame, in
 * the order they arrive, and lets a test wait for them.
 *
 * <pre>
 * try (WsTestClient client = WsTestClient.connect(server.uri("/rooms/a?token=t"))) {
 *     client.sendText("hi");
 *     assertEquals("a: hi", client.nextText());
 * }
 * </pre>
 */
public final class WsTestClient implements AutoCloseable {

    /** How long the waiting methods wait by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "ws-test-client");
        thread.setDaemon(true);
        return thread;
    });
    private static final HttpClient HTTP = HttpClient.newBuilder().executor(EXECUTOR).connectTimeout(Duration.ofSeconds(10)).build();

    /** What arrived: a text or binary message, or the close frame. */
    public sealed interface Event {
    }

    /** A whole text message. @param text the text */
    public record Text(String text) implements Event {
    }

    /** A whole binary message. @param bytes the payload */
    public record Binary(byte[] bytes) implements Event {
    }

    /**
     * The close frame, or the end of the connection without one ({@code 1006}).
     *
     * @param code   the close code
     * @param reason the close reason
     */
    public record Closed(int code, String reason) implements Event {
    }

    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final List<Event> history = new ArrayList<>();
    private WebSocket socket;

    private WsTestClient() {
    }

    /**
     * Connects and waits for the handshake.
     *
     * @param uri the {@code ws://} URI
     * @return the connected client
     * @throws IllegalStateException if the handshake fails or times out
     */
    public static WsTestClient connect(URI uri) {
        return connect(uri, Map.of(), List.of());
    }

    /**
     * Connects with extra request headers and subprotocols, and waits for the handshake.
     *
     * @param uri          the {@code ws://} URI
     * @param headers      request headers to add (e.g. {@code Cookie}, {@code Origin}, {@code x-client})
     * @param subprotocols subprotocols to request, in preference order
     * @return the connected client
     * @throws IllegalStateException if the handshake fails or times out
     */
    public static WsTestClient connect(URI uri, Map<String, String> headers, List<String> subprotocols) {
        WsTestClient client = new WsTestClient();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        if (!subprotocols.isEmpty()) {
            builder.subprotocols(subprotocols.get(0), subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
        }
        try {
            client.socket = builder.buildAsync(uri, client.new Listener()).get(15, TimeUnit.SECONDS);
        } catch (Exception failed) {
            throw new IllegalStateException("WebSocket handshake with " + uri + " failed: " + failed, failed);
        }
        return client;
    }

    /** @return the subprotocol the server chose, {@code ""} if none */
    public String subprotocol() {
        return socket.getSubprotocol();
    }

    /**
     * Sends a whole text message and waits until it is written.
     *
     * @param text the text
     */
    public void sendText(String text) {
        join(socket.sendText(text, true));
    }

    /**
     * Sends one fragment of a text message.
     *
     * @param text the fragment
     * @param last whether it is the last fragment
     */
    public void sendText(String text, boolean last) {
        join(socket.sendText(text, last));
    }

    /**
     * Sends a whole binary message.
     *
     * @param bytes the payload
     */
    public void sendBinary(byte[] bytes) {
        join(socket.sendBinary(ByteBuffer.wrap(bytes), true));
    }

    /**
     * Sends one fragment of a binary message.
     *
     * @param bytes the fragment
     * @param last  whether it is the last fragment
     */
    public void sendBinary(byte[] bytes, boolean last) {
        join(socket.sendBinary(ByteBuffer.wrap(bytes), last));
    }

    /**
     * Sends an unsolicited pong, which the server receives as a {@code PongMessage}.
     *
     * @param bytes the application data
     */
    public void sendPong(byte[] bytes) {
        join(socket.sendPong(ByteBuffer.wrap(bytes)));
    }

    /**
     * The next event, whatever it is.
     *
     * @param timeout how long to wait
     * @return the event
     * @throws AssertionError if nothing arrives in time
     */
    public Event next(Duration timeout) {
        try {
            Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("nothing arrived within " + timeout + "; so far: " + history());
            }
            return event;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", interrupted);
        }
    }

    /**
     * The next text message.
     *
     * @return the text
     * @throws AssertionError if the next event is not a text message, or nothing arrives in time
     */
    public String nextText() {
        Event event = next(DEFAULT_TIMEOUT);
        if (event instanceof Text text) {
            return text.text();
        }
        throw new AssertionError("expected a text message but got " + event + "; so far: " + history());
    }

    /**
     * The next binary message.
     *
     * @return the payload
     * @throws AssertionError if the next event is not a binary message, or nothing arrives in time
     */
    public byte[] nextBinary() {
        Event event = next(DEFAULT_TIMEOUT);
        if (event instanceof Binary binary) {
            return binary.bytes();
        }
        throw new AssertionError("expected a binary message but got " + event + "; so far: " + history());
    }

    /**
     * Waits for the connection to end, skipping messages that arrive first.
     *
     * @return the close frame's code and reason; code 1006 if it ended without one
     * @throws AssertionError if it does not end in time
     */
    public Closed awaitClose() {
        try {
            return closed.get(DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillOpen) {
            throw new AssertionError("the connection did not close within " + DEFAULT_TIMEOUT + "; so far: " + history());
        } catch (Exception failed) {
            throw new AssertionError(failed);
        }
    }

    /**
     * The next event, which must be the close.
     *
     * @return the close frame's code and reason
     * @throws AssertionError if a message arrives first or nothing arrives in time
     */
    public Closed nextClose() {
        Event event = next(DEFAULT_TIMEOUT);
        if (event instanceof Closed close) {
            return close;
        }
        throw new AssertionError("expected the close but got " + event + "; so far: " + history());
    }

    /**
     * Whether nothing arrives within a time (for asserting silence).
     *
     * @param wait how long to watch
     * @return {@code true} if nothing arrived
     */
    public boolean silentFor(Duration wait) {
        try {
            Event event = events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (event != null) {
                events.add(event);
                return false;
            }
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Sends a close frame with a code and reason and waits for the server's close.
     *
     * @param code   the close code
     * @param reason the reason
     * @return the server's close frame
     */
    public Closed close(int code, String reason) {
        if (!socket.isOutputClosed()) {
            join(socket.sendClose(code, reason));
        }
        return awaitClose();
    }

    /**
     * Drops the TCP connection without a close frame.
     */
    public void abort() {
        socket.abort();
    }

    /** Sends a normal close (1000) if the connection is still open. */
    @Override
    public void close() {
        if (!socket.isOutputClosed() && !closed.isDone()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
                closed.get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                socket.abort();
            }
        }
    }

    private synchronized String history() {
        return history.toString();
    }

    private void record(Event event) {
        synchronized (this) {
            history.add(event);
        }
        events.add(event);
    }

    private static void join(CompletableFuture<WebSocket> sent) {
        try {
            sent.get(10, TimeUnit.SECONDS);
        } catch (Exception failed) {
            throw new IllegalStateException("sending failed: " + failed, failed instanceof CompletionException ? failed.getCause() : failed);
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                record(new Text(text.toString()));
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            binary.writeBytes(chunk);
            if (last) {
                record(new Binary(binary.toByteArray()));
                binary = new java.io.ByteArrayOutputStream();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            Closed close = new Closed(statusCode, reason);
            record(close);
            closed.complete(close);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            Closed close = new Closed(1006, String.valueOf(error));
            record(close);
            closed.complete(close);
        }
    }
}
