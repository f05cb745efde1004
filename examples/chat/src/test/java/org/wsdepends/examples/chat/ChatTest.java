package org.wsdepends.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsDependsServer;
import org.wsdepends.embedded.WsTestClient;

/** The chat end to end with a JDK WebSocket client: presence, messages, the rate limit and every refusal. */
class ChatTest {

    static WsDependsServer server;

    @BeforeAll
    static void start() {
        server = ChatServer.start(0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void membersSeeEachOtherJoinTalkAndLeave() {
        try (WsTestClient alice = WsTestClient.connect(server.uri("/chat/talk?name=alice&token=letmein"))) {
            assertThat(alice.nextText()).isEqualTo("{\"type\":\"history\",\"messages\":[]}");
            assertThat(alice.nextText()).isEqualTo("{\"type\":\"joined\",\"user\":\"alice\"}");
            assertThat(alice.nextText()).isEqualTo("{\"type\":\"presence\",\"users\":[\"alice\"]}");
            try (WsTestClient bob = WsTestClient.connect(server.uri("/chat/talk?name=bob&token=letmein"))) {
                assertThat(bob.nextText()).isEqualTo("{\"type\":\"history\",\"messages\":[]}");
                assertThat(alice.nextText()).isEqualTo("{\"type\":\"joined\",\"user\":\"bob\"}");
                assertThat(alice.nextText()).isEqualTo("{\"type\":\"presence\",\"users\":[\"alice\",\"bob\"]}");
                bob.nextText();
                bob.nextText();
                bob.sendText("{\"text\":\" hi alice \"}");
                assertThat(alice.nextText()).startsWith("{\"type\":\"message\",\"user\":\"bob\",\"text\":\"hi alice\",\"at\":\"");
                assertThat(bob.nextText()).startsWith("{\"type\":\"message\",\"user\":\"bob\",\"text\":\"hi alice\"");
            }
            assertThat(alice.nextText()).isEqualTo("{\"type\":\"left\",\"user\":\"bob\"}");
            assertThat(alice.nextText()).isEqualTo("{\"type\":\"presence\",\"users\":[\"alice\"]}");
        }
    }

    @Test
    void historyIsLimitedToWhatTheClientAsked() {
        try (WsTestClient writer = WsTestClient.connect(server.uri("/chat/history?name=w&token=letmein"))) {
            for (int i = 0; i < 3; i++) {
                writer.sendText("{\"text\":\"m" + i + "\"}");
            }
            writer.nextText();
            writer.nextText();
            writer.nextText();
            for (int i = 0; i < 3; i++) {
                assertThat(writer.nextText()).contains("\"text\":\"m" + i + "\"");
            }
            try (WsTestClient reader = WsTestClient.connect(server.uri("/chat/history?name=r&token=letmein&history=2"))) {
                String history = reader.nextText();
                assertThat(history).contains("\"text\":\"m1\"", "\"text\":\"m2\"").doesNotContain("\"text\":\"m0\"");
            }
        }
    }

    @Test
    void aMissingTokenIsAValidationError() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/chat/lobby?name=carol"))) {
            assertThat(client.nextText()).isEqualTo(
                    "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"query\",\"token\"],\"msg\":\"Field required\",\"input\":null}]}");
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(closed.reason()).isEqualTo("[{\"type\":\"missing\",\"loc\":[\"query\",\"token\"],\"msg\":\"Field required\",\"input\":null}]");
        }
    }

    @Test
    void aWrongTokenIsRefusedByTheDependency() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/chat/lobby?name=mallory&token=guess"))) {
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(closed.reason()).isEqualTo("Invalid token");
        }
    }

    @Test
    void historyOutOfRangeAndBadNamesAreReportedTogether() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/chat/lobby?name=%3Cscript%3E&token=letmein&history=500"))) {
            assertThat(client.nextText()).isEqualTo("{\"detail\":["
                    + "{\"type\":\"string_pattern_mismatch\",\"loc\":[\"query\",\"name\"],\"msg\":\"String should match pattern '[\\\\p{L}\\\\p{N} _-]+'\",\"input\":\"<script>\",\"ctx\":{\"pattern\":\"[\\\\p{L}\\\\p{N} _-]+\"}},"
                    + "{\"type\":\"less_than_equal\",\"loc\":[\"query\",\"history\"],\"msg\":\"Input should be less than or equal to 100\",\"input\":\"500\",\"ctx\":{\"le\":100}}]}");
            assertThat(client.nextClose().code()).isEqualTo(1008);
        }
    }

    @Test
    void aBlankMessageGetsAnErrorFrameAndTheConnectionStaysOpen() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/chat/quiet?name=dave&token=letmein"))) {
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
    void theRateLimitClosesAFloodingConnection() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/chat/flood?name=eve&token=letmein"))) {
            client.nextText();
            client.nextText();
            client.nextText();
            for (int i = 0; i <= MessageBudget.MAX_MESSAGES; i++) {
                client.sendText("{\"text\":\"spam " + i + "\"}");
            }
            WsTestClient.Closed closed = client.awaitClose();
            assertThat(closed.code()).isEqualTo(4429);
            assertThat(closed.reason()).isEqualTo("Slow down: at most 10 messages per 10 seconds");
        }
    }
}
