package org.wsdepends.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A WebSocket test client on the JDK's {@code java.net.http}, with an explicit executor (research/embedded.md #16:
 * on 2 cores the default one starts a thread per task).
 */
final class Client implements WebSocket.Listener, AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "test-client");
        thread.setDaemon(true);
        return thread;
    });
    static final HttpClient HTTP = HttpClient.newBuilder()
            .executor(EXECUTOR)
            .connectTimeout(TIMEOUT)
            .build();

    /** A close frame as the client received it. */
    record Closed(int code, String reason) {
    }

    private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private Client() {
    }

    static Client connect(URI uri) throws Exception {
        Client client = new Client();
        client.socket = HTTP.newWebSocketBuilder()
                .connectTimeout(TIMEOUT)
                .buildAsync(uri, client)
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return client;
    }

    static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    void send(String text) throws Exception {
        socket.sendText(text, true).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    String receive() throws InterruptedException, TimeoutException {
        String text = texts.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (text == null) {
            throw new TimeoutException("No message within " + TIMEOUT);
        }
        return text;
    }

    String sendAndReceive(String text) throws Exception {
        send(text);
        return receive();
    }

    Closed awaitClose() throws Exception {
        return closed.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends a normal close frame and waits for the server's answer. */
    Closed closeNormally() throws Exception {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return awaitClose();
    }

    @Override
    public void close() {
        socket.abort();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            texts.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }
}
