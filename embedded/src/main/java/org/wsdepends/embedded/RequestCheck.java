package org.wsdepends.embedded;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.http.util.DataChunk;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.http.util.MimeHeaders;

/**
 * The checks a request must pass before Grizzly's HTTP server or Tyrus sees it. Tyrus 2.1.6 on Grizzly answers
 * some broken handshakes only after the 101 (an invalid percent-encoding fails its URI parsing then), others with
 * 500 (a missing {@code Sec-WebSocket-Key}, a {@code Connection} header without {@code Upgrade}) or upgrades them
 * (HTTP/1.0); Grizzly answers raw non-ASCII bytes in the target with 500 or, in a handshake, not at all. Each of
 * these gets a 400 here instead.
 */
final class RequestCheck {

    private RequestCheck() {
    }

    /**
     * Checks the request target (RFC 3986: ASCII only, well-formed percent-encoding of UTF-8) and the header values
     * (RFC 9110 §5.5: no NUL or other control characters).
     *
     * @param request any request
     * @return why the request is refused with 400, for the response body; {@code null} if it may go on
     */
    static String httpProblem(HttpRequestPacket request) {
        String target = targetProblem(request.getRequestURIRef().getOriginalRequestURIBC(), "path");
        if (target == null) {
            target = targetProblem(request.getQueryStringDC(), "query string");
        }
        if (target != null) {
            return target;
        }
        // by index: looking each name's values up again compares every header name with every other
        MimeHeaders headers = request.getHeaders();
        for (int i = 0; i < headers.size(); i++) {
            if (hasControlCharacter(headers.getValue(i).toString())) {
                return "The value of the header " + headers.getName(i) + " contains a control character";
            }
        }
        return null;
    }

    private static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks what {@link #httpProblem} checks and the handshake's own rules (RFC 6455 §4.2.1): an HTTP/1.1 GET
     * with a {@code Host}, a {@code Connection} header naming {@code Upgrade}, and a {@code Sec-WebSocket-Key} of
     * 16 bytes in base64. Tyrus checks {@code Sec-WebSocket-Version} itself (426).
     *
     * @param request a request asking to upgrade to WebSocket
     * @return why the request is refused with 400, for the response body; {@code null} if it may go on
     */
    static String handshakeProblem(HttpRequestPacket request) {
        String problem = httpProblem(request);
        if (problem != null) {
            return problem;
        }
        if (request.getMethod() != Method.GET) {
            return "A WebSocket handshake must be a GET request";
        }
        if (request.getProtocol() == Protocol.HTTP_0_9 || request.getProtocol() == Protocol.HTTP_1_0) {
            return "A WebSocket handshake needs HTTP/1.1";
        }
        if (request.getHeader(Header.Host) == null) {
            return "A WebSocket handshake needs a Host header";
        }
        String connection = request.getHeader(Header.Connection);
        if (connection == null || Arrays.stream(connection.split(","))
                .noneMatch(token -> token.strip().equalsIgnoreCase("upgrade"))) {
            return "A WebSocket handshake needs a Connection header naming Upgrade";
        }
        String key = request.getHeader("Sec-WebSocket-Key");
        if (key == null) {
            return "A WebSocket handshake needs a Sec-WebSocket-Key header";
        }
        try {
            if (Base64.getDecoder().decode(key.strip()).length == 16) {
                return null;
            }
        } catch (IllegalArgumentException notBase64) {
            // reported below
        }
        return "The Sec-WebSocket-Key header must be 16 bytes in base64";
    }

    private static String targetProblem(DataChunk chunk, String part) {
        if (chunk == null || chunk.isNull()) {
            return null;
        }
        // one char per byte, so raw bytes outside ASCII stay visible
        String raw = chunk.toString(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                return "The " + part + " contains a byte that must be percent-encoded";
            }
        }
        // what remains is ASCII, which is UTF-8 unless it encodes other bytes
        return raw.indexOf('%') < 0 ? null : escapeProblem(raw, part);
    }

    private static String escapeProblem(String raw, String part) {
        ByteArrayOutputStream decoded = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                decoded.write(c);
                continue;
            }
            int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
            if (low < 0) {
                return "The " + part + " contains a \"%\" not followed by two hexadecimal digits";
            }
            decoded.write(high << 4 | low);
            i += 2;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(decoded.toByteArray()));
            return null;
        } catch (CharacterCodingException notUtf8) {
            return "The " + part + " is not percent-encoded UTF-8";
        }
    }
}
