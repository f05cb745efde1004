package org.wsdepends.examples.chat;

import java.io.IOException;
import java.io.InputStream;
import java.util.logging.LogManager;

import org.wsdepends.embedded.WsDependsServer;

/**
 * Runs the chat on the embedded runtime: {@code mvn -pl examples/chat -am compile exec:java}. The
 * port is the first argument or {@code -Dchat.port} (default 8080; 0 picks a free one). Ctrl-C stops it. The console
 * shows the URL and then only warnings and errors ({@code chat-logging.properties}), unless
 * {@code -Djava.util.logging.config.file} names another configuration.
 */
public final class ChatServer {

    private ChatServer() {
    }

    /**
     * @param args optional port
     * @throws InterruptedException if interrupted while serving
     * @throws IOException          if the logging configuration cannot be read
     */
    public static void main(String[] args) throws InterruptedException, IOException {
        if (System.getProperty("java.util.logging.config.file") == null) {
            try (InputStream quiet = ChatServer.class.getResourceAsStream("/chat-logging.properties")) {
                LogManager.getLogManager().readConfiguration(quiet);
            }
        }
        int port = args.length > 0 ? Integer.parseInt(args[0]) : Integer.getInteger("chat.port", 8080);
        WsDependsServer server = start(port);
        System.out.println("wsdepends chat is running: open " + server.httpUri("/") + " (Ctrl-C stops it)");
        server.join();
    }

    /**
     * Starts the chat.
     *
     * @param port the port, 0 for a free one
     * @return the running server
     */
    public static WsDependsServer start(int port) {
        return WsDependsServer.builder()
                .port(port)
                .endpoints(ChatEndpoint.class, ModerationEndpoint.class)
                .beans(ChatDependencies.class, Rooms.class, MessageRefusedHandler.class)
                .staticResources("/", "webapp")
                .stopOnShutdown(true)
                .start();
    }
}
