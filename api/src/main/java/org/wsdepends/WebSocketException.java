package org.wsdepends;

/**
 * Closes the connection with a chosen close code and reason (FastAPI's {@code WebSocketException}).
 *
 * <p>Throw it from a dependency producer, from the endpoint's constructor or initializer, or from
 * any endpoint callback. Dependency cleanup runs first, then the close frame is sent with
 * {@link #code()} and the reason, shortened to the 123 UTF-8 bytes a close frame can carry, on a
 * character boundary. {@link #reason()} keeps the full text.
 *
 * <pre>
 * &#64;Produces &#64;Depends
 * User user(&#64;Query("token") String token, &#64;Depends Db db) {
 *     return db.user(token).orElseThrow(() -&gt; new WebSocketException(1008, "Invalid token"));
 * }
 * </pre>
 */
public class WebSocketException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The close code. */
    private final int code;
    /** The full reason. */
    private final String reason;

    /**
     * A close with a code and an empty reason.
     *
     * @param code a close code that may be sent on the wire (see {@link #WebSocketException(int, String)})
     * @throws IllegalArgumentException if the code may not be sent
     */
    public WebSocketException(int code) {
        this(code, "");
    }

    /**
     * A close with a code and a reason.
     *
     * @param code   a close code that may be sent in a close frame: 1000-1003, 1007-1014 or 3000-4999.
     *               1004 (reserved), 1005, 1006 and 1015 (never sent, RFC 6455 section 7.4.1) and
     *               anything else are refused
     * @param reason the reason; {@code null} means {@code ""}. Longer than 123 UTF-8 bytes is allowed,
     *               and shortened when the close frame is sent
     * @throws IllegalArgumentException if the code may not be sent
     */
    public WebSocketException(int code, String reason) {
        super("WebSocket close " + code + (reason == null || reason.isEmpty() ? "" : ": " + reason));
        if (!isSendable(code)) {
            throw new IllegalArgumentException("Close code " + code + " cannot be sent in a close frame"
                    + " (RFC 6455 section 7.4): use 1000-1003, 1007-1014 or 3000-4999, e.g. 1008 (policy violation)"
                    + " or a 4000-4999 application code");
        }
        this.code = code;
        this.reason = reason == null ? "" : reason;
    }

    /**
     * The close code sent to the peer.
     *
     * @return the code given at construction
     */
    public int code() {
        return code;
    }

    /**
     * The reason as given at construction; the close frame carries at most its first 123 UTF-8 bytes.
     *
     * @return the reason, never {@code null}
     */
    public String reason() {
        return reason;
    }

    private static boolean isSendable(int code) {
        return code >= 1000 && code <= 1003
                || code >= 1007 && code <= 1014
                || code >= 3000 && code <= 4999;
    }
}
