package org.wsdepends.tck.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeployedWarTest;
import org.wsdepends.tck.support.Wars;

/**
 * The flagship chat's WAR ({@code examples/chat/target/chat.war}) deployed with the content its module built
 * (ShrinkWrap only zips it again), as a user deploys it: the page at the context root, then presence, messages, the
 * rate limit and every refusal, seen by JDK WebSocket clients. Each test uses a room of its own, as the rooms outlive
 * connections.
 */
public class ChatWarTest extends DeployedWarTest {

    /** What the chat's MessageBudget allows a connection within 10 seconds. */
    private static final int MAX_MESSAGES = 10;
    /** How many refused messages within 10 seconds the chat's MessageBudget takes before it closes. */
    private static final int MAX_REFUSED = 10;
    private static final String SLOW_DOWN =
            "{\"type\":\"error\",\"message\":\"Slow down: at most 10 messages per 10 seconds. This one was not sent.\"}";

    @Deployment(testable = false)
    public static WebArchive chat() {
        return Wars.chat();
    }

    @Test
    void thePageIsServedAtTheContextRoot() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(Wars.http(base, "/")).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<title>wsdepends chat</title>", "new WebSocket(url)");
    }

    @Test
    void membersSeeEachOtherJoinTalkAndLeave() {
        try (WsTestClient alice = WsTestClient.connect(uri("/chat/talk?name=alice&token=letmein"))) {
            assertThat(alice.nextText()).isEqualTo("{\"type\":\"history\",\"messages\":[]}");
            assertThat(alice.nextText()).isEqualTo("{\"type\":\"joined\",\"user\":\"alice\"}");
            assertThat(alice.nextText()).isEqualTo("{\"type\":\"presence\",\"users\":[\"alice\"]}");
            try (WsTestClient bob = WsTestClient.connect(uri("/chat/talk?name=bob&token=letmein"))) {
                assertThat(bob.nextText()).isEqualTo("{\"type\":\"history\",\"messages\":[]}");
                assertThat(alice.nextText()).isEqualTo("{\"type\":\"joined\",\"user\":\"bob\"}");
                assertThat(alice.nextText()).isEqualTo("{\"type\":\"presence\",\"users\":[\"alice\",\"bob\"]}");
                assertThat(bob.nextText()).isEqualTo("{\"type\":\"joined\",\"user\":\"bob\"}");
                assertThat(bob.nextText()).isEqualTo("{\"type\":\"presence\",\"users\":[\"alice\",\"bob\"]}");
                bob.sendText("{\"text\":\" hi alice \"}");
                assertThat(alice.nextText()).startsWith("{\"type\":\"message\",\"user\":\"bob\",\"text\":\"hi alice\",\"at\":\"");
                assertThat(bob.nextText()).startsWith("{\"type\":\"message\",\"user\":\"bob\",\"text\":\"hi alice\",\"at\":\"");
            }
            // bob's Presence disposer runs when his connection ends, on the server's close path
            assertThat(alice.nextText()).isEqualTo("{\"type\":\"left\",\"user\":\"bob\"}");
            assertThat(alice.nextText()).isEqualTo("{\"type\":\"presence\",\"users\":[\"alice\"]}");
        }
    }

    @Test
    void historyIsLimitedToWhatTheClientAsked() {
        try (WsTestClient writer = WsTestClient.connect(uri("/chat/history?name=w&token=letmein"))) {
            assertThat(writer.nextText()).isEqualTo("{\"type\":\"history\",\"messages\":[]}");
            writer.nextText();
            writer.nextText();
            for (int i = 0; i < 3; i++) {
                writer.sendText("{\"text\":\"m" + i + "\"}");
            }
            for (int i = 0; i < 3; i++) {
                assertThat(writer.nextText()).contains("\"text\":\"m" + i + "\"");
            }
            try (WsTestClient reader = WsTestClient.connect(uri("/chat/history?name=r&token=letmein&history=2"))) {
                assertThat(reader.nextText()).startsWith("{\"type\":\"history\",\"messages\":[")
                        .contains("\"text\":\"m1\"", "\"text\":\"m2\"").doesNotContain("\"text\":\"m0\"");
            }
        }
    }

    @Test
    void aMissingTokenIsAValidationError() {
        try (WsTestClient client = WsTestClient.connect(uri("/chat/lobby?name=carol"))) {
            assertMissingQueryParameter(client, "token");
        }
    }

    @Test
    void aWrongTokenIsRefusedByTheDependency() {
        try (WsTestClient client = WsTestClient.connect(uri("/chat/lobby?name=mallory&token=guess"))) {
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(closed.reason()).isEqualTo("Invalid token");
        }
    }

    @Test
    void historyOutOfRangeAndBadNamesAreReportedTogether() {
        try (WsTestClient client = WsTestClient.connect(uri("/chat/lobby?name=%3Cscript%3E&token=letmein&history=500"))) {
            assertThat(client.nextText()).isEqualTo("{\"detail\":["
                    + "{\"type\":\"string_pattern_mismatch\",\"loc\":[\"query\",\"name\"],\"msg\":\"String should match pattern '[\\\\p{L}\\\\p{N} _-]+'\",\"input\":\"<script>\",\"ctx\":{\"pattern\":\"[\\\\p{L}\\\\p{N} _-]+\"}},"
                    + "{\"type\":\"less_than_equal\",\"loc\":[\"query\",\"history\"],\"msg\":\"Input should be less than or equal to 100\",\"input\":\"500\",\"ctx\":{\"le\":100}}]}");
            assertThat(client.nextClose().code()).isEqualTo(1008);
        }
    }

    @Test
    void aBlankMessageGetsAnErrorFrameAndTheConnectionStaysOpen() {
        try (WsTestClient client = WsTestClient.connect(uri("/chat/quiet?name=dave&token=letmein"))) {
            client.nextText();
            client.nextText();
            client.nextText();
            client.sendText("{\"text\":\"  \"}");
            assertThat(client.nextText()).isEqualTo(
                    "{\"detail\":[{\"type\":\"not_blank\",\"loc\":[\"body\",\"text\"],\"msg\":\"must not be blank\",\"input\":\"  \"}]}");
            client.sendText("{\"text\":\"still here\"}");
            assertThat(client.nextText()).contains("\"text\":\"still here\"");
        }
    }

    @Test
    void aMessageOverTheRateLimitIsRefusedWithAnErrorFrameAndTheConnectionStays() {
        try (WsTestClient client = WsTestClient.connect(uri("/chat/flood?name=eve&token=letmein"))) {
            client.nextText();
            client.nextText();
            client.nextText();
            for (int i = 0; i <= MAX_MESSAGES; i++) {
                client.sendText("{\"text\":\"spam " + i + "\"}");
            }
            List<String> frames = new ArrayList<>();
            for (int i = 0; i <= MAX_MESSAGES; i++) {
                frames.add(client.nextText());
            }
            assertThat(frames).contains(SLOW_DOWN).filteredOn(frame -> frame.contains("\"type\":\"message\""))
                    .hasSize(MAX_MESSAGES).noneMatch(frame -> frame.contains("spam " + MAX_MESSAGES));
            client.sendText("{\"text\":\"still connected?\"}");
            assertThat(client.nextText()).isEqualTo(SLOW_DOWN);
        }
    }

    @Test
    void sustainedFloodingClosesTheConnection() {
        try (WsTestClient client = WsTestClient.connect(uri("/chat/flood2?name=eve&token=letmein"))) {
            for (int i = 0; i < MAX_MESSAGES + MAX_REFUSED; i++) {
                client.sendText("{\"text\":\"spam " + i + "\"}");
            }
            WsTestClient.Closed closed = client.awaitClose();
            assertThat(closed.code()).isEqualTo(4429);
            assertThat(closed.reason()).isEqualTo("Too many messages: " + MAX_REFUSED + " were refused within 10 seconds");
        }
    }
}
