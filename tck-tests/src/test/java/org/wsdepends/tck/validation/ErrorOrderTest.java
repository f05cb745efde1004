package org.wsdepends.tck.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.websocket.server.ServerEndpoint;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wsdepends.Cookie;
import org.wsdepends.Depends;
import org.wsdepends.Header;
import org.wsdepends.Path;
import org.wsdepends.Query;
import org.wsdepends.embedded.WsDependsServer;
import org.wsdepends.embedded.WsTestClient;

/** FastAPI E2/E3: every error is collected; a dependency's errors come first, then path, query, header, cookie. */
class ErrorOrderTest {

    static WsDependsServer server;

    public record Dep(String value) {
    }

    @ApplicationScoped
    public static class Deps {
        @Produces @Depends
        Dep dep(@Header("x-dep") String value) {
            return new Dep(value);
        }
    }

    @ServerEndpoint("/mixed/{pid}")
    public static class MixedEndpoint {
        @Inject @Cookie("s") int s;
        @Inject @Query("qq") int qq;
        @Inject @Path("pid") int pid;
        @Inject @Depends Dep dep;
    }

    @BeforeAll
    static void start() {
        server = WsDependsServer.builder().port(0).endpoints(MixedEndpoint.class).beans(Deps.class).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void dependencyErrorsFirstThenPathQueryHeaderCookie() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/mixed/x?qq=y"), Map.of("Cookie", "s=z"), List.of())) {
            String detail = client.nextText();
            assertThat(detail).containsSubsequence("[\"header\",\"x-dep\"]", "[\"path\",\"pid\"]", "[\"query\",\"qq\"]",
                    "[\"cookie\",\"s\"]");
            assertThat(detail.split("\"type\"")).hasSize(5);
            assertThat(client.nextClose().code()).isEqualTo(1008);
        }
    }
}
