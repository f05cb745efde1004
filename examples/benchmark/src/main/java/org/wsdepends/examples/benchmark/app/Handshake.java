package org.wsdepends.examples.benchmark.app;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Handshake values read by hand, free of any WebSocket API: for the endpoints whose runtime does not bind them
 * ({@link RawEcho}, and the Quarkus peer, whose handshake request offers the raw query and headers only).
 */
public final class Handshake {

    /** The limit when the query has none. */
    private static final int DEFAULT_LIMIT = 20;

    private Handshake() {
    }

    /**
     * @param lines the values of the request's {@code Cookie} headers, {@code null} for none
     * @param name  the cookie's name
     * @return its value, the last one if repeated, or {@code null}
     */
    public static String cookie(List<String> lines, String name) {
        String value = null;
        if (lines != null) {
            for (String line : lines) {
                for (String pair : line.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
                        value = pair.substring(eq + 1).strip();
                    }
                }
            }
        }
        return value;
    }

    /**
     * @param query the raw query string (without {@code ?}), {@code null} for none
     * @param name  the parameter's name
     * @return its first value, percent-decoded, or {@code null}
     */
    public static String query(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /**
     * @param text the {@code limit} query parameter, {@code null} when absent
     * @return the limit, the default when absent, 0 (invalid, as every limit must be at least 1) when not a number
     */
    public static int limit(String text) {
        try {
            return text == null ? DEFAULT_LIMIT : Integer.parseInt(text.strip());
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
