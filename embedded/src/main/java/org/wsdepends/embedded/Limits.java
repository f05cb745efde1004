package org.wsdepends.embedded;

import java.time.Duration;

import org.wsdepends.core.MessageSize;
import org.wsdepends.core.Settings;

/**
 * The embedded server's bounds on client input (docs/limits.md), resolved when it starts: the builder's value,
 * else the {@code org.wsdepends.*} setting, else the default.
 *
 * @param maxMessageSize    the largest incoming WebSocket message, in bytes, summed over its fragments
 * @param headerReadTimeout how long a new connection may take to send its first request header
 * @param idleTimeout       how long a connection that has not upgraded may stay quiet
 */
record Limits(long maxMessageSize, Duration headerReadTimeout, Duration idleTimeout) {

    /** Key of {@link #headerReadTimeout()}, without the prefix. */
    static final String HEADER_READ_TIMEOUT = "header-read-timeout";
    /** Key of {@link #idleTimeout()}, without the prefix. */
    static final String IDLE_TIMEOUT = "idle-timeout";

    static final Duration DEFAULT_HEADER_READ_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    /**
     * @param settings          the {@code org.wsdepends.*} settings
     * @param maxMessageSize    the builder's value, {@code null} if not set
     * @param headerReadTimeout the builder's value, {@code null} if not set
     * @param idleTimeout       the builder's value, {@code null} if not set
     * @return the limits
     * @throws IllegalArgumentException naming the key if a setting is invalid
     */
    static Limits resolve(Settings settings, Long maxMessageSize, Duration headerReadTimeout, Duration idleTimeout) {
        return new Limits(
                maxMessageSize != null ? maxMessageSize : MessageSize.of(settings),
                headerReadTimeout != null ? headerReadTimeout
                        : settings.duration(HEADER_READ_TIMEOUT, DEFAULT_HEADER_READ_TIMEOUT),
                idleTimeout != null ? idleTimeout : settings.duration(IDLE_TIMEOUT, DEFAULT_IDLE_TIMEOUT));
    }

    /** @return Tyrus's incoming buffer size for one frame of the largest message */
    int incomingBufferSize() {
        return (int) (maxMessageSize + FrameGuard.MAX_HEADER);
    }
}
