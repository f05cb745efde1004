package org.wsdepends.core;

/**
 * The largest WebSocket message a client may send to a wrapped endpoint, summed over its fragments: the setting
 * {@code org.wsdepends.max-message-size}, 16 MiB by default (uvicorn's). An endpoint's smaller
 * {@code @OnMessage(maxMessageSize)} applies to its handler.
 */
public final class MessageSize {

    /** The key, without the prefix. */
    public static final String KEY = "max-message-size";

    /** 16 MiB, uvicorn's default. */
    public static final long DEFAULT = 16L * 1024 * 1024;

    /**
     * The largest value: the containers' buffer sizes are {@code int}s, and a frame of that size still needs room
     * for its 14-byte header.
     */
    public static final long CEILING = Integer.MAX_VALUE - 14;

    private MessageSize() {
    }

    /**
     * @param settings the deployment's settings
     * @return the configured limit, else {@link #DEFAULT}
     * @throws IllegalArgumentException naming the key, for a value that is no size from 1 to {@link #CEILING}
     */
    public static long of(Settings settings) {
        return settings.size(KEY, DEFAULT, CEILING);
    }

    /**
     * @param server  the deployment's limit
     * @param handler the handler's {@code @OnMessage(maxMessageSize)}, 0 or negative if it declares none
     * @return the limit that applies to the handler: the smaller of the two
     */
    public static long forHandler(long server, long handler) {
        return handler > 0 ? Math.min(server, handler) : server;
    }

    /**
     * The close reason for a message over the limit, in Tyrus's words, which the embedded runtime answers too.
     *
     * @param limit  the limit that applies
     * @param length the message's length so far
     * @return the reason
     */
    public static String tooBig(long limit, long length) {
        return String.format("Message too long; allowed message size is %d bytes. (Current message length is %d bytes).",
                limit, length);
    }
}
