package org.wsdepends.examples.chat;

import java.util.ArrayDeque;
import java.util.Deque;

import org.wsdepends.WebSocketException;

/**
 * How many messages a connection may still send: at most {@link #MAX_MESSAGES} within {@link #WINDOW_MILLIS}. A
 * message over the budget is refused and the connection stays open; {@link #MAX_REFUSED} refused messages within the
 * window are sustained abuse and close the connection. One per connection; checked by the per-message
 * {@link RateLimit}.
 */
public final class MessageBudget {

    static final int MAX_MESSAGES = 10;
    static final int MAX_REFUSED = 10;
    static final long WINDOW_MILLIS = 10_000;

    private final Deque<Long> sent = new ArrayDeque<>();
    private final Deque<Long> refused = new ArrayDeque<>();

    /**
     * Counts one message.
     *
     * @param now the current time in milliseconds
     * @throws MessageRefused if the message is over the budget
     * @throws WebSocketException 4429 if too many messages were refused within the window
     */
    synchronized void take(long now) {
        forgetBefore(sent, now);
        forgetBefore(refused, now);
        if (sent.size() < MAX_MESSAGES) {
            sent.addLast(now);
            return;
        }
        refused.addLast(now);
        if (refused.size() >= MAX_REFUSED) {
            throw new WebSocketException(4429, "Too many messages: " + MAX_REFUSED + " were refused within 10 seconds");
        }
        throw new MessageRefused("Slow down: at most " + MAX_MESSAGES + " messages per 10 seconds. This one was not sent.");
    }

    private static void forgetBefore(Deque<Long> times, long now) {
        while (!times.isEmpty() && now - times.peekFirst() > WINDOW_MILLIS) {
            times.removeFirst();
        }
    }
}
