package org.wsdepends.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsDependsServer;
import org.wsdepends.embedded.WsTestClient;

/**
 * What the launcher of the README's first command adds to the chat: the page from the class path and the chat
 * endpoint on one embedded server, and a start that prints the URL alone. The chat's behaviour (presence, messages,
 * the rate limit, every refusal) is tested on its WAR, on the embedded runtime and on WildFly and Payara:
 * {@code tck-tests}' {@code ChatWarTest}.
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
            try (WsTestClient alice = WsTestClient.connect(server.uri("/chat/launch?name=alice"), Map.of(),
                    List.of("bearer", "letmein"))) {
                assertThat(alice.nextText()).isEqualTo("{\"type\":\"history\",\"messages\":[]}");
                assertThat(alice.nextText()).isEqualTo("{\"type\":\"joined\",\"user\":\"alice\"}");
                alice.nextText();
                alice.sendText("{\"text\":\"hello\"}");
                assertThat(alice.nextText()).startsWith("{\"type\":\"message\",\"user\":\"alice\",\"text\":\"hello\",\"at\":\"");
            }
        }
    }

    @Test
    void theLauncherPrintsOnlyItsUrlWhenItStarts() throws Exception {
        Process chat = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ChatServer.class.getName(), "0")
                .redirectErrorStream(true)
                .start();
        try {
            CompletableFuture<List<String>> untilUrl = CompletableFuture.supplyAsync(() -> linesUntilUrl(chat));
            List<String> lines = untilUrl.get(60, TimeUnit.SECONDS);
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).matches("wsdepends chat is running: open http://127\\.0\\.0\\.1:\\d+/ \\(Ctrl-C stops it\\)");
        } finally {
            chat.destroy();
            chat.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The process's output up to and including the URL line (or to its end). */
    private static List<String> linesUntilUrl(Process process) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                lines.add(line);
                if (line.contains("http://")) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return lines;
    }
}
