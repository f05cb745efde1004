package org.wsdepends.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsDependsServer;
import org.wsdepends.embedded.WsTestClient;

/**
 * What the launcher of the README's first command adds to the chat: the page from the class path and the chat
 * endpoint on one embedded server. The chat's behaviour (presence, messages, the rate limit, every refusal) is tested
 * on its WAR, on the embedded runtime and on WildFly and Payara: {@code tck-tests}' {@code ChatWarTest}.
 */
class ChatTest {

    @Test
    void theLauncherServesThePageAndTheChat() throws IOException, InterruptedException {
        try (WsDependsServer server = ChatServer.start(0)) {
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(server.httpUri("/")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>wsdepends chat</title>");
            try (WsTestClient alice = WsTestClient.connect(server.uri("/chat/launch?name=alice&token=letmein"))) {
                assertThat(alice.nextText()).isEqualTo("{\"type\":\"history\",\"messages\":[]}");
                assertThat(alice.nextText()).isEqualTo("{\"type\":\"joined\",\"user\":\"alice\"}");
                alice.nextText();
                alice.sendText("{\"text\":\"hello\"}");
                assertThat(alice.nextText()).startsWith("{\"type\":\"message\",\"user\":\"alice\",\"text\":\"hello\",\"at\":\"");
            }
        }
    }
}
