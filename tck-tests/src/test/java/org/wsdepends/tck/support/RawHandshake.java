package org.wsdepends.tck.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A WebSocket upgrade request written on a plain socket, and the HTTP answer as the client gets it: status line,
 * every header line, the body. The JDK's clients hide the answer to a refused upgrade (the WebSocket client keeps
 * only the status; the HTTP client will not send {@code Upgrade: websocket}).
 *
 * @param status  the status code
 * @param reason  the reason phrase of the status line
 * @param headers the header lines as {@code name: value}, in order
 * @param body    the body, decoded as UTF-8; empty for a {@code 101}
 */
public record RawHandshake(int status, String reason, List<String> headers, String body) {

    /**
     * @param uri     the {@code http://} URI, with the query
     * @param headers request headers besides the handshake's own
     * @return the answer; for a {@code 101}, the connection is closed right after its headers
     */
    public static RawHandshake send(URI uri, Map<String, String> headers) {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder("GET " + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " HTTP/1.1\r\n"
                    + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = line(in);
            String[] parts = statusLine.split(" ", 3);
            int status = Integer.parseInt(parts[1]);
            String reason = parts.length > 2 ? parts[2] : "";
            List<String> lines = new ArrayList<>();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                lines.add(line);
            }
            if (status == 101) {
                return new RawHandshake(status, reason, lines, "");
            }
            return new RawHandshake(status, reason, lines, body(in, lines));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /**
     * Asserts a refusal before the upgrade: the status, a JSON body, and nothing upgraded.
     *
     * @param answer the answer
     * @param status the expected status
     * @param body   the expected body, exactly
     */
    public static void assertJson(RawHandshake answer, int status, String body) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).singleElement().asString().startsWith("application/json");
        assertThat(answer.body()).isEqualTo(body);
        assertThat(answer.header("Upgrade")).isEmpty();
        assertThat(answer.header("Sec-WebSocket-Accept")).isEmpty();
    }

    /** @return the values of a header, any case, in order */
    public List<String> header(String name) {
        List<String> values = new ArrayList<>();
        for (String line : headers) {
            int colon = line.indexOf(':');
            if (line.substring(0, colon).equalsIgnoreCase(name)) {
                values.add(line.substring(colon + 1).strip());
            }
        }
        return values;
    }

    private static String body(InputStream in, List<String> lines) throws IOException {
        RawHandshake head = new RawHandshake(0, "", lines, "");
        List<String> length = head.header("Content-Length");
        if (!length.isEmpty()) {
            return new String(in.readNBytes(Integer.parseInt(length.get(0))), StandardCharsets.UTF_8);
        }
        if (head.header("Transfer-Encoding").stream().anyMatch(value -> value.toLowerCase(Locale.ROOT).contains("chunked"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            return body.toString(StandardCharsets.UTF_8);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the server closed the connection in the middle of a line: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
