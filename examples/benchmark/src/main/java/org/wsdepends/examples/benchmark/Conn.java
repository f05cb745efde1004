package org.wsdepends.examples.benchmark;

import java.io.IOException;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * One client connection of the load generator: completes {@link #first} with the message the
 * endpoint sends on open, hands later messages to {@link #onMessage}, and completes {@link #closed}
 * with the server's close code.
 */
final class Conn implements WebSocket.Listener {

    final CompletableFuture<String> first = new CompletableFuture<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    volatile Consumer<String> onMessage;
    volatile WebSocket socket;
    private StringBuilder partial;

    /** A connection to an endpoint that sends a message on open. */
    Conn() {
    }

    /**
     * A connection to an endpoint that sends nothing on open.
     *
     * @param handler receives every message
     */
    Conn(Consumer<String> handler) {
        first.complete(null);
        onMessage = handler;
    }

    @Override
    public void onOpen(WebSocket opened) {
        socket = opened;
        opened.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        if (!last) {
            (partial == null ? partial = new StringBuilder() : partial).append(data);
        } else {
            String text = partial == null ? data.toString() : partial.append(data).toString();
            partial = null;
            if (!first.complete(text)) {
                Consumer<String> handler = onMessage;
                if (handler != null) {
                    handler.accept(text);
                }
            }
        }
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
        first.completeExceptionally(new IOException("closed with " + code + " " + reason + " before the first message"));
        closed.complete(code);
        return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
        first.completeExceptionally(error);
        closed.completeExceptionally(error);
    }
}
