package org.wsdepends.examples.chat;

import org.wsdepends.embedded.WsDependsServer;

/**
 * Runs the chat on the embedded runtime: {@code mvn -pl examples/chat -am compile exec:java}. The
 * port is the first argument or {@code -Dchat.port} (default 8080; 0 picks a free one). Ctrl-C stops it.
 */
public final class ChatServer {

    private ChatServer() {
    }

    /**
     * @param args optional port
     * @throws InterruptedException if interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
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
                .endpoints(ChatEndpoint.class)
                .beans(ChatDependencies.class, Rooms.class)
                .staticResources("/", "webapp")
                .stopOnShutdown(true)
                .start();
    }
}
