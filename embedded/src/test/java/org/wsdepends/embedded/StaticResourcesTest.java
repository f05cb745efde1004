package org.wsdepends.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Static files next to WebSocket endpoints, under a context path. */
class StaticResourcesTest {

    @TempDir
    static Path files;

    private static WsDependsServer server;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(files.resolve("hello.txt"), "hello from disk");
        server = WsDependsServer.builder()
                .port(0)
                .contextPath("/app/")
                .endpoints(EchoEndpoint.class)
                .beans(Greeter.class, Recorder.class)
                .staticResources("/", "static")
                .staticResources("/files", files)
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void servesIndexHtmlForTheRoot() throws Exception {
        HttpResponse<String> response = Http.get(server.httpUri("/"));

        assertThat(server.httpUri("/")).hasPath("/app/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("static index");
    }

    @Test
    void answersHttp2UpgradeRequestsAsPlainHttp11() throws Exception {
        // the JDK client asks every http:// request to upgrade to h2c; Grizzly 4.0.2 then dropped Content-Type
        HttpResponse<String> response = Http.get(server.httpUri("/app.js"));

        assertThat(response.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_1_1);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).contains("javascript"));
    }

    @Test
    void servesFilesAndFolderIndexes() throws Exception {
        assertThat(Http.get(server.httpUri("/app.js")).body()).contains("console.log");
        assertThat(Http.get(server.httpUri("/sub/")).body()).contains("sub index");
    }

    @Test
    void servesAFilesystemDirectoryAtItsOwnPath() throws Exception {
        HttpResponse<String> response = Http.get(server.httpUri("/files/hello.txt"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello from disk");
    }

    @Test
    void answersMissingFilesWith404() throws Exception {
        assertThat(Http.get(server.httpUri("/missing.txt")).statusCode()).isEqualTo(404);
        assertThat(Http.get(server.httpUri("/files/missing.txt")).statusCode()).isEqualTo(404);
        assertThat(Http.get(server.httpUri("/%2e%2e/pom.xml")).statusCode()).isEqualTo(404);
    }

    @Test
    void servesNothingOutsideTheContextPath() throws Exception {
        assertThat(Http.get(server.httpUri("/").resolve("/index.html")).statusCode()).isEqualTo(404);
    }

    @Test
    void keepsWebSocketEndpointsWorkingUnderTheContextPath() throws Exception {
        assertThat(server.uri("/echo")).hasToString("ws://127.0.0.1:" + server.port() + "/app/echo");
        try (WsTestClient client = WsTestClient.connect(server.uri("/echo"))) {
            assertThat(client.send("next to static files").nextText()).endsWith(": next to static files");
        }
    }
}
