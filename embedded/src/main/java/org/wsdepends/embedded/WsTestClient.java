package org.wsdepends.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

import org.wsdepends.ValidationError;

/**
 * A WebSocket client for tests, on the JDK's {@code java.net.http} client: an implementation independent of the
 * server's. It records every text and binary message and the close frame, in the order they arrive, and lets a test
 * wait for them, or assert them fluently, FastAPI's {@code TestClient(app).websocket_connect(...)}:
 *
 * <pre>{@code
 * WsTestClient client = WsTestClient.of(server);
 * client.connect("/rooms/a?token=t").header("x-client", "t")
 *         .expectText("welcome")
 *         .send("hi")
 *         .expectText("a: hi");
 * client.connect("/rooms/a").expectErrorFrame();          // the ValidationErrors of the missing token
 * client.connect("/nowhere").expectHttpStatus(404);        // refused before the upgrade
 * }</pre>
 *
 * <p>A client made by {@link #of(WsDependsServer)} is bound to a server and only opens connections; each
 * {@link #connect(String)} returns a new client for one connection, which is opened by the first method that sends
 * or waits (so {@link #header} and {@link #subprotocols} can still be set), and closed with the client it came from.
 * The static {@link #connect(URI)} opens at once.
 *
 * <p>Every wait is bounded by the {@link #timeout(Duration) timeout} (default {@link #DEFAULT_TIMEOUT}); an
 * expectation that fails throws an {@link AssertionError} that lists everything received so far. A connection is
 * for one test thread; its events may arrive on any.
 */
public final class WsTestClient implements AutoCloseable {

    /** How long the waiting methods wait by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "ws-test-client");
        thread.setDaemon(true);
        return thread;
    });
    private static final HttpClient HTTP = HttpClient.newBuilder().executor(EXECUTOR).connectTimeout(Duration.ofSeconds(10)).build();
    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What arrived: a text or binary message, or the close frame. */
    public sealed interface Event {
    }

    /** A whole text message. @param text the text */
    public record Text(String text) implements Event {
    }

    /** A whole binary message. @param bytes the payload */
    public record Binary(byte[] bytes) implements Event {
    }

    /**
     * The close frame, or the end of the connection without one ({@code 1006}).
     *
     * @param code   the close code
     * @param reason the close reason
     */
    public record Closed(int code, String reason) implements Event {
    }

    /**
     * The HTTP answer to a handshake the server refused before the upgrade.
     *
     * @param status  the status code
     * @param headers the response headers, names lower case, in the order received
     * @param body    the body, decoded as UTF-8; {@code ""} if none
     */
    public record HttpAnswer(int status, Map<String, List<String>> headers, String body) {

        /**
         * @param name a header name, any case
         * @return its first value, or {@code null} if absent
         */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }
    }

    private final URI uri;
    private final boolean connection;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> subprotocols = new ArrayList<>();
    private final List<WsTestClient> opened = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final List<Event> history = new CopyOnWriteArrayList<>();
    private Duration timeout = DEFAULT_TIMEOUT;
    private WebSocket socket;

    private WsTestClient(URI uri, boolean connection) {
        this.uri = uri;
        this.connection = connection;
    }

    /**
     * A client for the endpoints of a server; it opens connections with {@link #connect(String)}.
     *
     * @param server the server; not {@code null}
     * @return the client; closing it closes the connections it opened
     */
    public static WsTestClient of(WsDependsServer server) {
        return new WsTestClient(server.uri(""), false);
    }

    /**
     * Connects and waits for the handshake.
     *
     * @param uri the {@code ws://} URI
     * @return the connected client
     * @throws IllegalStateException if the handshake fails or times out
     */
    public static WsTestClient connect(URI uri) {
        return connect(uri, Map.of(), List.of());
    }

    /**
     * Connects with extra request headers and subprotocols, and waits for the handshake.
     *
     * @param uri          the {@code ws://} URI
     * @param headers      request headers to add (e.g. {@code Cookie}, {@code Origin}, {@code x-client})
     * @param subprotocols subprotocols to request, in preference order
     * @return the connected client
     * @throws IllegalStateException if the handshake fails or times out
     */
    public static WsTestClient connect(URI uri, Map<String, String> headers, List<String> subprotocols) {
        WsTestClient client = new WsTestClient(uri, true);
        client.headers.putAll(headers);
        client.subprotocols.addAll(subprotocols);
        client.socket();
        return client;
    }

    /**
     * A new connection to a path of this client's server, opened by the first method that sends or waits.
     *
     * @param path the path below the server's context path, with the query string, for example
     *             {@code "/rooms/a?token=t"} (already percent-encoded); not {@code null}
     * @return the connection; it inherits this client's timeout
     * @throws IllegalArgumentException if {@code path} does not start with "/"
     * @throws IllegalStateException    if this client is itself a connection
     */
    public WsTestClient connect(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("The path must start with \"/\": \"" + path + "\"");
        }
        if (connection) {
            throw new IllegalStateException("This is a connection to " + uri + ": open others with the client of the "
                    + "server, WsTestClient.of(server).connect(path)");
        }
        WsTestClient opening = new WsTestClient(URI.create(uri + path), true);
        opening.timeout = timeout;
        opened.add(opening);
        return opening;
    }

    /**
     * Adds a request header to the handshake of this connection.
     *
     * @param name  the header name (the JDK client refuses {@code Connection}, {@code Upgrade}, {@code Host} and
     *              {@code Sec-WebSocket-*}; use {@link #subprotocols} for the last); not {@code null}
     * @param value the value; not {@code null}
     * @return this client
     * @throws IllegalStateException if the connection is already open
     */
    public WsTestClient header(String name, String value) {
        checkNotOpened();
        headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Sets the subprotocols to request ({@code Sec-WebSocket-Protocol}), in preference order, for example
     * {@code subprotocols("bearer", token)}.
     *
     * @param protocols the subprotocols; not {@code null}
     * @return this client
     * @throws IllegalStateException if the connection is already open
     */
    public WsTestClient subprotocols(String... protocols) {
        checkNotOpened();
        subprotocols.clear();
        subprotocols.addAll(List.of(protocols));
        return this;
    }

    /**
     * How long each wait of this client (and of the connections it opens afterwards) lasts at most.
     *
     * @param timeout positive; not {@code null}
     * @return this client
     */
    public WsTestClient timeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The timeout must be positive: " + timeout);
        }
        this.timeout = timeout;
        return this;
    }

    /** @return the subprotocol the server chose, {@code ""} if none */
    public String subprotocol() {
        return socket().getSubprotocol();
    }

    /**
     * Sends a whole text message and waits until it is written.
     *
     * @param text the text
     * @return this client
     */
    public WsTestClient send(String text) {
        sendText(text);
        return this;
    }

    /**
     * Sends a whole text message and waits until it is written.
     *
     * @param text the text
     */
    public void sendText(String text) {
        join(socket().sendText(text, true));
    }

    /**
     * Sends one fragment of a text message.
     *
     * @param text the fragment
     * @param last whether it is the last fragment
     */
    public void sendText(String text, boolean last) {
        join(socket().sendText(text, last));
    }

    /**
     * Sends a whole binary message.
     *
     * @param bytes the payload
     */
    public void sendBinary(byte[] bytes) {
        join(socket().sendBinary(ByteBuffer.wrap(bytes), true));
    }

    /**
     * Sends one fragment of a binary message.
     *
     * @param bytes the fragment
     * @param last  whether it is the last fragment
     */
    public void sendBinary(byte[] bytes, boolean last) {
        join(socket().sendBinary(ByteBuffer.wrap(bytes), last));
    }

    /**
     * Sends an unsolicited pong, which the server receives as a {@code PongMessage}.
     *
     * @param bytes the application data
     */
    public void sendPong(byte[] bytes) {
        join(socket().sendPong(ByteBuffer.wrap(bytes)));
    }

    /**
     * Asserts that the next event is a text message equal to {@code expected}.
     *
     * @param expected the text
     * @return this client
     * @throws AssertionError if something else arrives, or nothing in time
     */
    public WsTestClient expectText(String expected) {
        String text = nextText();
        if (!text.equals(expected)) {
            throw failure("the text \"" + expected + "\"", new Text(text));
        }
        return this;
    }

    /**
     * Asserts that the next event is a text message holding JSON that JSON-B maps to {@code type}, and returns it.
     *
     * @param type the class to map to (a record, a bean, {@code Map.class}...)
     * @param <T>  the type
     * @return the mapped message
     * @throws AssertionError if something else arrives, nothing in time, or the text is no JSON of that type
     */
    public <T> T expectJson(Class<T> type) {
        String text = nextText();
        try {
            return JSONB.fromJson(text, type);
        } catch (JsonbException notJson) {
            throw failure("JSON of " + type.getName() + " (" + notJson.getMessage() + ")", new Text(text));
        }
    }

    /**
     * Asserts that the next event is wsdepends' validation error frame {@code {"detail":[...]}} and returns its
     * errors.
     *
     * @return the errors, in the frame's order
     * @throws AssertionError if something else arrives, or nothing in time
     */
    public List<ValidationError> expectErrorFrame() {
        String text = nextText();
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonArray detail = reader.readObject().getJsonArray("detail");
            List<ValidationError> errors = new ArrayList<>();
            for (JsonValue value : detail) {
                JsonObject error = value.asJsonObject();
                Map<String, Object> ctx = new LinkedHashMap<>();
                JsonObject context = error.containsKey("ctx") ? error.getJsonObject("ctx") : JsonValue.EMPTY_JSON_OBJECT;
                context.forEach((key, item) -> ctx.put(key, plain(item)));
                errors.add(new ValidationError(error.getString("type"),
                        error.getJsonArray("loc").stream().map(WsTestClient::plain).toList(),
                        error.getString("msg"), plain(error.getOrDefault("input", JsonValue.NULL)), ctx));
            }
            return errors;
        } catch (JsonException | ClassCastException | NullPointerException notAnErrorFrame) {
            throw failure("an error frame {\"detail\":[...]}", new Text(text));
        }
    }

    /**
     * Asserts that the next event is the close frame with this code and reason.
     *
     * @param code   the close code
     * @param reason the close reason
     * @return this client
     * @throws AssertionError if something else arrives first, or nothing in time
     */
    public WsTestClient expectClose(int code, String reason) {
        Closed close = nextClose();
        if (close.code() != code || !close.reason().equals(reason)) {
            throw failure("the close " + new Closed(code, reason), close);
        }
        return this;
    }

    /**
     * Asserts that the connection ends without a close frame (the server dropped it), skipping nothing: the next
     * event must be the end.
     *
     * @return this client
     * @throws AssertionError if a message or a close frame arrives first, or nothing in time
     */
    public WsTestClient expectDropped() {
        Closed close = nextClose();
        if (close.code() != 1006) {
            throw failure("the connection to end without a close frame (1006)", close);
        }
        return this;
    }

    /**
     * Asserts that the server refuses the handshake of this connection with an HTTP response of this status,
     * before the upgrade, and returns the response. The handshake is sent over a plain socket, so the body can
     * be read; this connection stays unopened.
     *
     * @param status the expected HTTP status, for example 401
     * @return the response
     * @throws AssertionError        if the server answers another status (or upgrades), or not in time
     * @throws IllegalStateException if this connection is already open
     */
    public HttpAnswer expectHttpStatus(int status) {
        checkNotOpened();
        HttpAnswer answer;
        try {
            answer = rawHandshake();
        } catch (IOException failed) {
            throw new AssertionError("expected HTTP " + status + " from " + uri + " but the handshake failed: " + failed,
                    failed);
        }
        if (answer.status() != status) {
            throw new AssertionError("expected HTTP " + status + " from " + uri + " but got " + answer.status()
                    + (answer.status() == 101 ? " (the server upgraded the connection)" : "") + ": " + answer);
        }
        return answer;
    }

    /**
     * The next event, whatever it is.
     *
     * @param timeout how long to wait
     * @return the event
     * @throws AssertionError if nothing arrives in time
     */
    public Event next(Duration timeout) {
        socket();
        try {
            Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("nothing arrived within " + timeout + " from " + uri + "; received: "
                        + history());
            }
            return event;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", interrupted);
        }
    }

    /**
     * The next text message.
     *
     * @return the text
     * @throws AssertionError if the next event is not a text message, or nothing arrives in time
     */
    public String nextText() {
        Event event = next(timeout);
        if (event instanceof Text text) {
            return text.text();
        }
        throw failure("a text message", event);
    }

    /**
     * The next binary message.
     *
     * @return the payload
     * @throws AssertionError if the next event is not a binary message, or nothing arrives in time
     */
    public byte[] nextBinary() {
        Event event = next(timeout);
        if (event instanceof Binary binary) {
            return binary.bytes();
        }
        throw failure("a binary message", event);
    }

    /**
     * Waits for the connection to end, skipping messages that arrive first.
     *
     * @return the close frame's code and reason; code 1006 if it ended without one
     * @throws AssertionError if it does not end in time
     */
    public Closed awaitClose() {
        socket();
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillOpen) {
            throw new AssertionError("the connection to " + uri + " did not close within " + timeout + "; received: "
                    + history());
        } catch (Exception failed) {
            throw new AssertionError(failed);
        }
    }

    /**
     * The next event, which must be the close.
     *
     * @return the close frame's code and reason
     * @throws AssertionError if a message arrives first or nothing arrives in time
     */
    public Closed nextClose() {
        Event event = next(timeout);
        if (event instanceof Closed close) {
            return close;
        }
        throw failure("the close", event);
    }

    /**
     * Whether nothing arrives within a time (for asserting silence).
     *
     * @param wait how long to watch
     * @return {@code true} if nothing arrived
     */
    public boolean silentFor(Duration wait) {
        socket();
        try {
            Event event = events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (event != null) {
                events.add(event);
                return false;
            }
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Sends a close frame with a code and reason and waits for the server's close.
     *
     * @param code   the close code
     * @param reason the reason
     * @return the server's close frame
     */
    public Closed close(int code, String reason) {
        if (!socket().isOutputClosed()) {
            join(socket.sendClose(code, reason));
        }
        return awaitClose();
    }

    /**
     * Drops the TCP connection without a close frame.
     */
    public void abort() {
        socket().abort();
    }

    /**
     * Sends a normal close (1000) if the connection is open, and closes the connections this client opened with
     * {@link #connect(String)} so far (it can still open new ones). Does nothing for a connection never opened.
     */
    @Override
    public void close() {
        for (WsTestClient connection : opened) {
            connection.close();
            opened.remove(connection);
        }
        WebSocket current = currentSocket();
        if (current != null && !current.isOutputClosed() && !closed.isDone()) {
            try {
                current.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
                closed.get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                current.abort();
            }
        }
    }

    /** @return a description for failure messages: the URI and what was received */
    @Override
    public String toString() {
        return "WsTestClient[" + uri + ", received " + history() + "]";
    }

    private synchronized WebSocket currentSocket() {
        return socket;
    }

    private void checkConnection() {
        if (!connection) {
            throw new IllegalStateException("This client of " + uri + " opens connections but is none: call "
                    + "connect(path) first, for example client.connect(\"/rooms/a\").expectText(...)");
        }
    }

    private synchronized void checkNotOpened() {
        checkConnection();
        if (socket != null) {
            throw new IllegalStateException("The connection to " + uri + " is already open: set headers and "
                    + "subprotocols right after connect(path), before sending or expecting");
        }
    }

    private synchronized WebSocket socket() {
        if (socket == null) {
            checkConnection();
            WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(timeout);
            headers.forEach(builder::header);
            if (!subprotocols.isEmpty()) {
                builder.subprotocols(subprotocols.get(0),
                        subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
            }
            try {
                socket = builder.buildAsync(uri, new Listener()).get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
            } catch (Exception failed) {
                Throwable cause = failed.getCause() != null ? failed.getCause() : failed;
                String status = cause instanceof WebSocketHandshakeException refused
                        ? " (HTTP " + refused.getResponse().statusCode() + "; expectHttpStatus asserts a refusal)" : "";
                throw new IllegalStateException("WebSocket handshake with " + uri + " failed: " + cause + status,
                        cause);
            }
        }
        return socket;
    }

    private AssertionError failure(String expected, Event got) {
        return new AssertionError("expected " + expected + " but got " + got + " from " + uri + "; received: "
                + history());
    }

    private String history() {
        return history.toString();
    }

    private void record(Event event) {
        history.add(event);
        events.add(event);
    }

    private void join(CompletableFuture<WebSocket> sent) {
        try {
            sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception failed) {
            throw new IllegalStateException("sending to " + uri + " failed: " + failed,
                    failed instanceof CompletionException ? failed.getCause() : failed);
        }
    }

    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> {
                BigDecimal decimal = ((JsonNumber) value).bigDecimalValue();
                try {
                    long integral = decimal.longValueExact();
                    yield integral == (int) integral ? (Object) (int) integral : (Object) integral;
                } catch (ArithmeticException fractionOrHuge) {
                    yield decimal;
                }
            }
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            default -> value.toString();
        };
    }

    private HttpAnswer rawHandshake() throws IOException {
        int port = uri.getPort() != -1 ? uri.getPort() : 80;
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        StringBuilder request = new StringBuilder()
                .append("GET ").append(uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(':').append(port).append("\r\n")
                .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: ").append(Base64.getEncoder().encodeToString(key)).append("\r\n")
                .append("Sec-WebSocket-Version: 13\r\n");
        if (!subprotocols.isEmpty()) {
            request.append("Sec-WebSocket-Protocol: ").append(String.join(", ", subprotocols)).append("\r\n");
        }
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");
        try (Socket raw = new Socket(uri.getHost(), port)) {
            raw.setSoTimeout((int) timeout.toMillis());
            OutputStream out = raw.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = raw.getInputStream();
            String[] head = readLine(in, null).split(" ", 3);
            int status = Integer.parseInt(head[1]);
            Map<String, List<String>> answerHeaders = new TreeMap<>();
            for (String line = readLine(in, head); !line.isEmpty(); line = readLine(in, head)) {
                int colon = line.indexOf(':');
                answerHeaders.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        name -> new ArrayList<>()).add(line.substring(colon + 1).strip());
            }
            if (status == 101) {
                return new HttpAnswer(status, answerHeaders, "");
            }
            return new HttpAnswer(status, answerHeaders, new String(body(in, answerHeaders, head), StandardCharsets.UTF_8));
        }
    }

    private static byte[] body(InputStream in, Map<String, List<String>> headers, String[] head) throws IOException {
        List<String> length = headers.get("content-length");
        if (length != null) {
            return in.readNBytes(Integer.parseInt(length.get(0)));
        }
        List<String> encoding = headers.get("transfer-encoding");
        if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = chunkSize(in, head); size > 0; size = chunkSize(in, head)) {
                body.writeBytes(in.readNBytes(size));
                readLine(in, head);
            }
            return body.toByteArray();
        }
        return new byte[0];
    }

    private static int chunkSize(InputStream in, String[] head) throws IOException {
        String line = readLine(in, head);
        int extension = line.indexOf(';');
        return Integer.parseInt((extension < 0 ? line : line.substring(0, extension)).strip(), 16);
    }

    /** One CRLF-terminated line, without the CRLF. */
    private static String readLine(InputStream in, String[] head) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("the server closed the connection in the middle of its answer"
                        + (head == null ? "" : " to the handshake (status line " + String.join(" ", head) + ")"));
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private ByteArrayOutputStream binary = new ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                record(new Text(text.toString()));
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            binary.writeBytes(chunk);
            if (last) {
                record(new Binary(binary.toByteArray()));
                binary = new ByteArrayOutputStream();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            Closed close = new Closed(statusCode, reason);
            record(close);
            closed.complete(close);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            Closed close = new Closed(1006, String.valueOf(error));
            record(close);
            closed.complete(close);
        }
    }
}
