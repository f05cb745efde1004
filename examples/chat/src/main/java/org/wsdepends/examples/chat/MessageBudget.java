package org.wsdepends.examples.chat;

import java.util.ArrayDeque;
import java.util.Deque;

import org.wsdepends.WebSocketException;

/**
 * How many messages a connection may still send: at most {@link #MAX_MESSAGES} within
 * {@link #WINDOW_MILLIS}. One per connection; checked by the per-message {@link RateLimit}.
 */
public final class MessageBudget {

    static final int MAX_MESSAGES = 10;
    static final long WINDOW_MILLIS = 10_000;

    private final Deque<Long> sent = new ArrayDeque<>();

    synchronized void take(long now) {
        while (!sent.isEmpty() && now - sent.peekFirst() > WINDOW_MILLIS) {
            sent.removeFirst();
        }
        if (sent.size() >= MAX_MESSAGES) {
            throw new WebSocketException(4429, "Slow down: at most " + MAX_MESSAGES + " messages per 10 seconds");
        }
        sent.addLast(now);
    }
}
