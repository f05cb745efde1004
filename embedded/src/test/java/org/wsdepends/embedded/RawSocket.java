package org.wsdepends.embedded;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A client on a plain TCP socket, for what the JDK's WebSocket client cannot send: broken HTTP requests and
 * handshakes, unmasked frames, lying length fields. Reads the server's answers as bytes. Public for the conformance
 * tests, which send the same inputs to the application servers (the module's test jar).
 */
public final class RawSocket implements AutoCloseable {

    /** How long a read or connect waits. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** A valid {@code Sec-WebSocket-Key} (RFC 6455 §1.3's example). */
    public static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    private RawSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(socket.getInputStream());
    }

    /**
     * Connects to the server; reads time out after {@link #TIMEOUT}.
     */
    public static RawSocket connect(WsDependsServer server) throws IOException {
        return connect(server.port());
    }

    /**
     * Connects to a port on the loopback address; reads time out after {@link #TIMEOUT}.
     */
    public static RawSocket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) RawSocket.TIMEOUT.toMillis());
        socket.setSoTimeout((int) RawSocket.TIMEOUT.toMillis());
        socket.setTcpNoDelay(true);
        return new RawSocket(socket);
    }

    /**
     * A WebSocket handshake request, valid unless the arguments make it not.
     *
     * @param target       the request target as sent, for example {@code "/echo?token=%"}
     * @param extraHeaders header lines without CRLF
     */
    public static String handshake(String target, String... extraHeaders) {
        StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n");
        for (String header : extraHeaders) {
            request.append(header).append("\r\n");
        }
        return request.append("\r\n").toString();
    }

    /**
     * Changes how long reads wait, for a test that measures how long a server stays silent.
     *
     * @param timeout the new read timeout
     * @return this
     */
    public RawSocket readTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        return this;
    }

    /** Sends characters as single bytes (ISO-8859-1), so any byte can be written as a char. */
    public RawSocket send(String latin1) throws IOException {
        return send(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawSocket send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Sends a valid handshake for {@code target} and reads the answer, which should be a 101. */
    public Response upgrade(String target) throws IOException {
        send(handshake(target, "Sec-WebSocket-Key: " + KEY));
        return readResponse();
    }

    /** Reads an HTTP response: status line, headers and a body of {@code Content-Length} bytes. */
    public Response readResponse() throws IOException {
        String statusLine = readLine();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        byte[] body = new byte[Integer.parseInt(headers.getOrDefault("content-length", "0"))];
        in.readFully(body);
        return new Response(Integer.parseInt(statusLine.split(" ")[1]), headers,
                new String(body, StandardCharsets.UTF_8));
    }

    /** A masked frame, as a client must send it. */
    public static byte[] frame(int opcode, boolean fin, byte[] payload) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.writeBytes(header(opcode, fin, true, payload.length));
        byte[] mask = {1, 2, 3, 4};
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        return frame.toByteArray();
    }

    /**
     * The first bytes of a frame up to its masking key (not included): opcode, mask bit and the length, in the
     * shortest encoding unless {@code length} does not fit 63 bits.
     */
    public static byte[] header(int opcode, boolean fin, boolean masked, long length) {
        ByteArrayOutputStream header = new ByteArrayOutputStream(10);
        header.write((fin ? 0x80 : 0) | opcode);
        int maskBit = masked ? 0x80 : 0;
        if (length >= 0 && length <= 125) {
            header.write(maskBit | (int) length);
        } else if (length >= 0 && length <= 0xFFFF) {
            header.write(maskBit | 126);
            header.write((int) (length >>> 8));
            header.write((int) length);
        } else {
            header.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                header.write((int) (length >>> shift));
            }
        }
        return header.toByteArray();
    }

    public static byte[] text(String text) {
        return frame(0x1, true, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads one frame from the server, which must not mask it. */
    public Frame readFrame() throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new Frame(first & 0x0F, (second & 0x80) != 0, payload);
    }

    /** Reads frames until the close frame, skipping the others. */
    public Frame readClose() throws IOException {
        Frame frame = readFrame();
        while (frame.opcode() != 0x8) {
            frame = readFrame();
        }
        return frame;
    }

    /**
     * Waits until the server closes the connection.
     *
     * @return how long it took, or {@code null} if it still was open after {@code timeout}
     */
    public Duration awaitEndOfStream(Duration timeout) throws IOException {
        long started = System.nanoTime();
        socket.setSoTimeout((int) timeout.toMillis());
        InputStream raw = socket.getInputStream();
        try {
            while (raw.read() >= 0) {
                // skip whatever the server still sends
            }
        } catch (SocketTimeoutException stillOpen) {
            return null;
        } catch (SocketException reset) {
            // the server closed with unread client bytes
        } finally {
            socket.setSoTimeout((int) RawSocket.TIMEOUT.toMillis());
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Goes away as a crashed client or a closed browser tab can: a TCP reset, no close frame. */
    public void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** An HTTP response; header names in lower case. */
    public record Response(int status, Map<String, String> headers, String body) {
    }

    /** A frame from the server. */
    public record Frame(int opcode, boolean masked, byte[] payload) {

        /** @return the close code of a close frame */
        public int closeCode() {
            return (payload[0] & 0xFF) << 8 | payload[1] & 0xFF;
        }

        /** @return the close reason of a close frame */
        public String closeReason() {
            return new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
        }

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("The server closed the connection; read so far: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
