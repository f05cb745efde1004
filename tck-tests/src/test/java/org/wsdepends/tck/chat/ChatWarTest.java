package org.wsdepends.tck.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * connections. The token travels as the page sends it: the subprotocols {@code bearer, <token>}.
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

    /** Joins as the page does: the token as the second subprotocol, after "bearer". */
    private WsTestClient join(String path, String token) {
        WsTestClient client = WsTestClient.connect(uri(path), Map.of(), List.of("bearer", token));
        assertThat(client.subprotocol()).as("the server selects bearer, never the token").isEqualTo("bearer");
        return client;
    }

    private WsTestClient join(String path) {
        return join(path, "letmein");
    }

    /** Reads a member's own history, joined and presence events. */
    private static void skipJoinEvents(WsTestClient client) {
        for (int i = 0; i < 3; i++) {
            client.nextText();
        }
    }

    @Test
    void thePageIsServedAtTheContextRoot() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(Wars.http(base, "/")).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<title>wsdepends chat</title>", "['bearer', token]");
    }

    @Test
    void membersSeeEachOtherJoinTalkAndLeave() {
        try (WsTestClient alice = join("/chat/talk?name=alice")) {
            assertThat(alice.nextText()).isEqualTo("{\"type\":\"history\",\"messages\":[]}");
            assertThat(alice.nextText()).isEqualTo("{\"type\":\"joined\",\"user\":\"alice\"}");
            assertThat(alice.nextText()).isEqualTo("{\"type\":\"presence\",\"users\":[\"alice\"]}");
            try (WsTestClient bob = join("/chat/talk?name=bob")) {
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
        try (WsTestClient writer = join("/chat/history?name=w")) {
            assertThat(writer.nextText()).isEqualTo("{\"type\":\"history\",\"messages\":[]}");
            writer.nextText();
            writer.nextText();
            for (int i = 0; i < 3; i++) {
                writer.sendText("{\"text\":\"m" + i + "\"}");
            }
            for (int i = 0; i < 3; i++) {
                assertThat(writer.nextText()).contains("\"text\":\"m" + i + "\"");
            }
            try (WsTestClient reader = join("/chat/history?name=r&history=2")) {
                assertThat(reader.nextText()).startsWith("{\"type\":\"history\",\"messages\":[")
                        .contains("\"text\":\"m1\"", "\"text\":\"m2\"").doesNotContain("\"text\":\"m0\"");
            }
        }
    }

    @Test
    void aMissingTokenIsNotAuthenticatedBeforeOtherErrors() {
        try (WsTestClient client = WsTestClient.connect(uri("/chat/lobby?name=%3Cscript%3E"))) {
            assertThat(client.nextText()).isEqualTo("{\"detail\":\"Not authenticated\"}");
            assertThat(client.nextClose()).isEqualTo(new WsTestClient.Closed(1008, "Not authenticated"));
        }
    }

    @Test
    void theTokenInTheAuthorizationHeaderWorksToo() {
        try (WsTestClient client = WsTestClient.connect(uri("/chat/header?name=ann"), Map.of("Authorization", "Bearer letmein"),
                List.of())) {
            assertThat(client.nextText()).isEqualTo("{\"type\":\"history\",\"messages\":[]}");
        }
    }

    @Test
    void aWrongTokenIsRefusedByTheDependency() {
        try (WsTestClient client = WsTestClient.connect(uri("/chat/lobby?name=mallory"), Map.of(), List.of("bearer", "guess"))) {
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(closed.reason()).isEqualTo("Invalid token");
        }
    }

    @Test
    void historyOutOfRangeAndBadNamesAreReportedTogether() {
        try (WsTestClient client = join("/chat/lobby?name=%3Cscript%3E&history=500")) {
            assertThat(client.nextText()).isEqualTo("{\"detail\":["
                    + "{\"type\":\"string_pattern_mismatch\",\"loc\":[\"query\",\"name\"],\"msg\":\"String should match pattern '[\\\\p{L}\\\\p{N} _-]+'\",\"input\":\"<script>\",\"ctx\":{\"pattern\":\"[\\\\p{L}\\\\p{N} _-]+\"}},"
                    + "{\"type\":\"less_than_equal\",\"loc\":[\"query\",\"history\"],\"msg\":\"Input should be less than or equal to 100\",\"input\":\"500\",\"ctx\":{\"le\":100}}]}");
            assertThat(client.nextClose().code()).isEqualTo(1008);
        }
    }

    @Test
    void aMembersKickIsForbiddenAndTheirModerationConnectionStaysOpen() {
        try (WsTestClient bob = join("/chat/kick1?name=bob"); WsTestClient eve = join("/chat/kick1/moderation?name=eve")) {
            eve.sendText("bob");
            assertThat(eve.nextText()).isEqualTo("{\"detail\":\"Forbidden\"}");
            eve.sendText("bob");
            assertThat(eve.nextText()).as("the connection stays open").isEqualTo("{\"detail\":\"Forbidden\"}");
            skipJoinEvents(bob);
            assertThat(bob.silentFor(Duration.ofMillis(300))).as("bob is still in the room").isTrue();
        }
    }

    @Test
    void anAdminKicksAMemberWhoseLeaveIsAnnounced() {
        try (WsTestClient alice = join("/chat/kick2?name=alice")) {
            // the server's @OnOpen runs after the client saw the 101: alice is in the room once her events arrived
            skipJoinEvents(alice);
            try (WsTestClient bob = join("/chat/kick2?name=bob");
                    WsTestClient root = join("/chat/kick2/moderation?name=root", "letmein-admin")) {
                alice.nextText();
                alice.nextText();
                root.sendText("nobody");
                assertThat(root.nextText()).isEqualTo("{\"type\":\"error\",\"message\":\"No one named nobody is in the room.\"}");
                root.sendText(" bob ");
                assertThat(alice.nextText()).isEqualTo("{\"type\":\"kicked\",\"user\":\"bob\"}");
                assertThat(bob.awaitClose()).isEqualTo(new WsTestClient.Closed(1008, "Kicked by an admin"));
                assertThat(alice.nextText()).isEqualTo("{\"type\":\"left\",\"user\":\"bob\"}");
                assertThat(alice.nextText()).isEqualTo("{\"type\":\"presence\",\"users\":[\"alice\"]}");
            }
        }
    }

    @Test
    void aBlankMessageGetsAnErrorFrameAndTheConnectionStaysOpen() {
        try (WsTestClient client = join("/chat/quiet?name=dave")) {
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
        try (WsTestClient client = join("/chat/flood?name=eve")) {
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
        try (WsTestClient client = join("/chat/flood2?name=eve")) {
            for (int i = 0; i < MAX_MESSAGES + MAX_REFUSED; i++) {
                client.sendText("{\"text\":\"spam " + i + "\"}");
            }
            WsTestClient.Closed closed = client.awaitClose();
            assertThat(closed.code()).isEqualTo(4429);
            assertThat(closed.reason()).isEqualTo("Too many messages: " + MAX_REFUSED + " were refused within 10 seconds");
        }
    }
}
