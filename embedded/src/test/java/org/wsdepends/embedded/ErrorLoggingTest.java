package org.wsdepends.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wsdepends.Query;

/**
 * Every 1011 wsdepends closes with is logged once, at ERROR (SEVERE), naming the endpoint's path and class, with the
 * cause; a peer that vanishes is no error at all.
 */
class ErrorLoggingTest {

    private static WsDependsServer server;

    @BeforeAll
    static void start() {
        server = WsDependsServer.builder().port(0).endpoints(FailingEndpoint.class).beans(Recorder.class).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ServerEndpoint("/fail")
    public static class FailingEndpoint {
        @Inject
        Recorder recorder;

        @OnMessage
        public String message(String text, @Query("q") Optional<String> q) {
            if (text.equals("fail")) {
                throw new IllegalStateException("failed on purpose");
            }
            return text;
        }

        @OnClose
        public void closed(CloseReason reason) {
            recorder.add("closed " + reason.getCloseCode().getCode());
        }
    }

    @Test
    void anUnhandledExceptionClosesWith1011AndIsLoggedOnceWithItsCause() throws Exception {
        List<LogRecord> problems;
        try (LogCapture log = new LogCapture(); WsTestClient client = WsTestClient.connect(server.uri("/fail"))) {
            client.sendText("fail");
            assertThat(client.nextClose()).isEqualTo(new WsTestClient.Closed(1011, "Internal server error"));
            Recorder.of(server).await("closed 1011", 1);
            problems = log.atLeast(Level.WARNING);
        }
        assertThat(problems).singleElement().satisfies(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.SEVERE);
            assertThat(record.getMessage()).isEqualTo("Unhandled exception in WS /fail (" + FailingEndpoint.class.getName()
                    + "); closing with 1011");
            assertThat(record.getThrown()).isInstanceOf(IllegalStateException.class).hasMessage("failed on purpose");
        });
    }

    @Test
    void aPeerThatVanishesIsCleanedUpWithoutAWarningOrAnError() throws Exception {
        Recorder recorder = Recorder.of(server);
        long before = recorder.events().stream().filter("closed 1006"::equals).count();
        List<LogRecord> problems;
        try (LogCapture log = new LogCapture()) {
            try (RawSocket socket = RawSocket.connect(server)) {
                assertThat(socket.upgrade("/fail").status()).isEqualTo(101);
                socket.send(RawSocket.text("hello"));
                assertThat(socket.readFrame().text()).isEqualTo("hello");
                socket.reset();
            }
            recorder.await("closed 1006", (int) before + 1);
            problems = log.atLeast(Level.WARNING);
        }
        assertThat(problems).extracting(LogRecord::getMessage).isEmpty();
        try (WsTestClient client = WsTestClient.connect(server.uri("/fail"))) {
            client.sendText("still serving");
            assertThat(client.nextText()).isEqualTo("still serving");
        }
    }
}
