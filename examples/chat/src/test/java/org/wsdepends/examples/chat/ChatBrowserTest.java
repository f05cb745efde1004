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
 * ({@code src/test/browser/chat-browser-test.mjs}). Two pages join a room and talk, one leaves and the
 * other sees "left", a page without a token sees the validation error. Screenshots land in
 * {@code target/browser}.
 *
 * <p>Skipped when Node.js, Chromium or the npm packages are missing, unless the environment sets
 * {@code WSDEPENDS_BROWSER_TESTS=required} (as {@code .ci/run} does after installing them), in which
 * case their absence fails the test.
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
            Assumptions.abort("browser test skipped: " + missing + " is missing");
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
            assertThat(transcript).contains("# pass 6", "# fail 0");
            assertThat(output.resolve("chat.png")).exists();
        }
    }

    private static boolean onPath(String command) throws IOException, InterruptedException {
        Process which = new ProcessBuilder("sh", "-c", "command -v " + command).start();
        return which.waitFor(10, TimeUnit.SECONDS) && which.exitValue() == 0;
    }
}
