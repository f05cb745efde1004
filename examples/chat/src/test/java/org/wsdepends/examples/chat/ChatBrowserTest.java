package org.wsdepends.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsDependsServer;

/**
 * The chat in a real browser: Debian's headless Chromium driven by playwright-core
 * ({@code src/test/browser/chat-browser-test.mjs}). The token travels as the subprotocol, never in the URL. A desktop
 * page and a 390 px phone page join a room and talk, neither scrolls sideways, a member's {@code /kick} is forbidden
 * while they stay connected and an admin's kicks, a flood gets one refused message and then a disconnect, one leaves
 * and the other sees "left", and every refusal reads as a sentence in the status line. Screenshots land in {@code target/browser}
 * ({@code chat.png} on the desktop, {@code chat-phone.png} and {@code chat-phone-refused.png} on the phone).
 *
 * <p>Skipped, with the reason and the fix on the console, when Node.js, Chromium or the npm packages are missing,
 * unless the environment sets {@code WSDEPENDS_BROWSER_TESTS=required} (as {@code .ci/run} does after installing
 * them), in which case their absence fails the test.
 */
class ChatBrowserTest {

    private static final Path SCRIPT_DIR = Path.of("src/test/browser");

    @Test
    void twoBrowsersChatAndSeeEachOtherLeave() throws Exception {
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        boolean required = "required".equals(System.getenv("WSDEPENDS_BROWSER_TESTS"));
        String missing = !onPath("node") ? "node" : !new File(chromium).canExecute() ? chromium
                : !Files.isDirectory(SCRIPT_DIR.resolve("node_modules/playwright-core"))
                        ? "playwright-core (run npm ci in " + SCRIPT_DIR + ")" : null;
        if (missing != null) {
            assertThat(required).as("WSDEPENDS_BROWSER_TESTS=required but " + missing + " is missing").isFalse();
            // surefire keeps an assumption's message in its XML report only: say it where the user looks
            String reason = "ChatBrowserTest skipped: " + missing + " is missing. To run it: install Chromium (Debian: apt-get"
                    + " install chromium, or set CHROMIUM), run npm ci in examples/chat/src/test/browser, and set"
                    + " WSDEPENDS_BROWSER_TESTS=required to fail instead of skipping";
            System.out.println("[WARNING] " + reason);
            Assumptions.abort(reason);
        }
        Path output = Path.of("target/browser");
        try (WsDependsServer server = ChatServer.start(0)) {
            Process node = new ProcessBuilder("node", "chat-browser-test.mjs", server.httpUri("/").toString(),
                    output.toAbsolutePath().toString())
                    .directory(SCRIPT_DIR.toFile())
                    .redirectErrorStream(true)
                    .start();
            boolean finished = node.waitFor(120, TimeUnit.SECONDS);
            String transcript = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            System.out.println(transcript);
            if (!finished) {
                node.destroyForcibly();
            }
            assertThat(finished).as("the browser test finished within 120 s; output:\n" + transcript).isTrue();
            assertThat(node.exitValue()).as("browser test output:\n" + transcript).isZero();
            assertThat(transcript).contains("# pass 14", "# fail 0");
            assertThat(output.resolve("chat.png")).exists();
            assertThat(output.resolve("chat-phone.png")).exists();
            assertThat(output.resolve("chat-phone-refused.png")).exists();
        }
    }

    private static boolean onPath(String command) throws IOException, InterruptedException {
        Process which = new ProcessBuilder("sh", "-c", "command -v " + command).start();
        return which.waitFor(10, TimeUnit.SECONDS) && which.exitValue() == 0;
    }
}
