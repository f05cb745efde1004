package org.wsdepends.tck.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.RawSocket;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeployedWarTest;
import org.wsdepends.tck.support.ServerLog;
import org.wsdepends.tck.support.Wars;

/**
 * What each runtime answers to the raw inputs of docs/limits.md ("What the application servers do"), sent to a
 * wrapped endpoint in a WAR. On WildFly and Payara the container parses HTTP and frames before wsdepends sees
 * anything, so these pin the containers' own answers; the embedded runtime's are pinned in detail in the embedded
 * module. After all of them the server still serves a normal client.
 */
public class RawInputsTest extends DeployedWarTest {

    /** How long a silent server is given before the answer is "nothing". */
    private static final Duration SILENCE = Duration.ofSeconds(3);
    private static final String KEY = "Sec-WebSocket-Key: " + RawSocket.KEY;
    private static final List<String> INPUTS = List.of("?q=%", "?q=%G1", "?q=abc%2", "?q=%%41", "?q=%FF",
            "raw 0xFF in the query", "no Sec-WebSocket-Key", "NUL in a header value", "Connection: keep-alive",
            "HTTP/1.0", "control byte in the request target", "GARBAGE", "nothing sent", "unmasked frame",
            "64-bit length with the top bit set", "header announcing 1 GiB", "legal 5 MiB text frame");

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Wars.war("raw-inputs", HardeningApp.class);
    }

    @Test
    void eachRuntimeAnswersTheRawInputsAsDocumented() throws IOException {
        String text = context() + "/text";
        Map<String, String> answers = new LinkedHashMap<>();
        for (String query : new String[] {"%", "%G1", "abc%2", "%%41"}) {
            answers.put("?q=" + query, request(RawSocket.handshake(text + "?q=" + query, KEY)));
        }
        answers.put("?q=%FF", request(RawSocket.handshake(text + "?q=%FF", KEY)));
        answers.put("raw 0xFF in the query", request(RawSocket.handshake(text + "?q=\u00FF", KEY)));
        answers.put("no Sec-WebSocket-Key", request(RawSocket.handshake(text)));
        answers.put("NUL in a header value", request(RawSocket.handshake(text, KEY, "X-Test: a\u0000b")));
        answers.put("Connection: keep-alive", request(RawSocket.handshake(text, KEY).replace(
                "Connection: Upgrade", "Connection: keep-alive")));
        answers.put("HTTP/1.0", request(RawSocket.handshake(text, KEY).replace("HTTP/1.1", "HTTP/1.0")));
        answers.put("control byte in the request target", request("GET /\u0001 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
        answers.put("GARBAGE", request("GARBAGE\r\n\r\n"));
        answers.put("nothing sent", request(""));
        answers.put("unmasked frame", frame(text, RawSocket.header(0x1, true, false, 2), "hi".getBytes()));
        answers.put("64-bit length with the top bit set", frame(text, RawSocket.header(0x1, true, true, Long.MIN_VALUE + 5),
                new byte[] {1, 2, 3, 4}));
        answers.put("header announcing 1 GiB", frame(text, RawSocket.header(0x1, true, true, 1L << 30),
                new byte[] {1, 2, 3, 4}));
        byte[] fiveMib = new byte[5 * 1024 * 1024];
        Arrays.fill(fiveMib, (byte) 'a');
        answers.put("legal 5 MiB text frame", frame(text, RawSocket.frame(0x1, true, fiveMib), new byte[0]));

        assertThat(answers).containsExactlyEntriesOf(expected());
        try (WsTestClient client = WsTestClient.connect(uri("/text"))) {
            client.sendText("still serving");
            assertThat(client.nextText()).isEqualTo("text 13");
        }
    }

    /** The answers of the runtime the profile runs, in the order the test sends the inputs. */
    private static Map<String, String> expected() {
        String nothing = "nothing within 3 s";
        String fiveMib = "text text 5242880";
        List<String> answers = switch (System.getProperty("wsdepends.tck.container", "embedded")) {
            // WildFly Preview's Undertow closes an unmasked frame with 1003 instead of 1002
            case "wildfly" -> List.of("400", "400", "400", "400", "101", "400", "404", "101", "101", "101", "400", "400",
                    nothing, "close " + (ServerLog.text().contains("WildFly Preview") ? 1003 : 1002)
                            + " UT002034: Web socket frame was not masked", nothing, nothing, fiveMib);
            // Tyrus checks no mask bit (the frame is delivered); the 5 MiB frame fits the incoming buffer wsdepends'
            // web fragment sets (Tyrus's own: 4 MiB + 11)
            case "payara", "payara-server" -> List.of("101", "101", "101", "101", "101", "101", "404", "400", "500",
                    "101", "404", nothing, nothing, "text text 2", "close 1011 ", nothing, fiveMib);
            default -> List.of("400", "400", "400", "400", "400", "400", "400", "400", "400", "400", "400", nothing,
                    nothing, "close 1002 Unmasked client frame (RFC 6455 section 5.1)",
                    "close 1002 Payload length with the most significant bit set (RFC 6455 section 5.2)",
                    "close 1009 Message too long; allowed message size is 16777216 bytes."
                            + " (Current message length is 1073741824 bytes).", fiveMib);
        };
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < INPUTS.size(); i++) {
            expected.put(INPUTS.get(i), answers.get(i));
        }
        return expected;
    }

    /** The status of the answer to an HTTP request, or what happened instead. */
    private String request(String request) throws IOException {
        try (RawSocket socket = RawSocket.connect(base.getPort())) {
            socket.readTimeout(SILENCE);
            if (!request.isEmpty()) {
                socket.send(request);
            }
            return Integer.toString(socket.readResponse().status());
        } catch (SocketTimeoutException silent) {
            return "nothing within " + SILENCE.toSeconds() + " s";
        } catch (EOFException | SocketException closed) {
            return "closed without an answer";
        }
    }

    /** Upgrades, sends the frame's bytes and tells the first frame the server answers, or what happened instead. */
    private String frame(String target, byte[] first, byte[] rest) throws IOException {
        try (RawSocket socket = RawSocket.connect(base.getPort())) {
            RawSocket.Response upgrade = socket.upgrade(target);
            if (upgrade.status() != 101) {
                return "upgrade " + upgrade.status();
            }
            socket.readTimeout(SILENCE);
            socket.send(first).send(rest);
            RawSocket.Frame frame = socket.readFrame();
            return switch (frame.opcode()) {
                case 0x8 -> "close " + frame.closeCode() + " " + frame.closeReason();
                case 0x1 -> "text " + frame.text();
                default -> "opcode " + frame.opcode();
            };
        } catch (SocketTimeoutException silent) {
            return "nothing within " + SILENCE.toSeconds() + " s";
        } catch (EOFException | SocketException closed) {
            return "closed without a close frame";
        }
    }

    private String context() {
        String path = base.getPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
