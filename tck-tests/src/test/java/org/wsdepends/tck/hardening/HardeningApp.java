package org.wsdepends.tck.hardening;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Depends;
import org.wsdepends.Query;
import org.wsdepends.tck.support.Events;
import org.wsdepends.tck.support.Tracked;

/** The application the hardening tests deploy: wrapped endpoints without {@code maxMessageSize}, and one with cleanup. */
public final class HardeningApp {

    private HardeningApp() {
    }

    /** Text messages: answers with the message's length in UTF-8 bytes (a 16 MiB echo would only slow the test). */
    @ServerEndpoint("/text")
    public static class TextEndpoint {
        @OnMessage
        public String text(String text, @Query("q") Optional<String> q) {
            return "text " + text.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    /** Binary messages, likewise. */
    @ServerEndpoint("/binary")
    public static class BinaryEndpoint {
        @OnMessage
        public String binary(byte[] data, @Query("q") Optional<String> q) {
            return "binary " + data.length;
        }
    }

    /** Busy for a few seconds on "sleep": what the container does with the messages that arrive meanwhile. */
    @ServerEndpoint("/slow")
    public static class SlowEndpoint {
        @OnMessage
        public void message(String text, @Query("q") Optional<String> q) throws InterruptedException {
            if (text.equals("sleep")) {
                Events.add("sleeping");
                Thread.sleep(5_000);
            }
        }
    }

    /** A connection dependency, named by the connection's {@code id}. */
    public static final class Connection extends Tracked {
        Connection(String id) {
            super(id);
        }
    }

    /** Made for a connection after its {@link Connection}, independently of it. */
    public static final class Account extends Tracked {
        Account(String id) {
            super("account " + id);
        }
    }

    /** Made from the connection's {@link Account}: the last of its dependencies, so the first cleaned up. */
    public static final class Feed extends Tracked {
        Feed(String id) {
            super("feed " + id);
        }
    }

    @ApplicationScoped
    public static class Connections {
        @Produces @Depends
        Connection open(@Query("id") String id) {
            return new Connection(id);
        }

        void close(@Disposes @Depends Connection connection) {
            connection.close();
        }

        @Produces @Depends
        Account account(@Query("id") String id) {
            return new Account(id);
        }

        void closeAccount(@Disposes @Depends Account account) {
            account.close();
        }

        @Produces @Depends
        Feed feed(@Query("id") String id, @Depends Account account) {
            return new Feed(id);
        }

        void closeFeed(@Disposes @Depends Feed feed) {
            feed.close();
        }
    }

    /** Records its open, close and cleanup per connection, for the drain on undeploy. */
    @ServerEndpoint("/drain")
    public static class DrainEndpoint {
        @Inject @Depends Connection connection;
        @Inject @Depends Feed feed;

        @OnOpen
        public void opened() {
            Events.add("@OnOpen " + connection.name());
        }

        @OnMessage
        public String echo(String text) {
            return connection.name() + " " + text;
        }

        @OnClose
        public void closed(CloseReason reason) {
            Events.add("@OnClose " + connection.name() + " " + reason.getCloseCode().getCode());
        }
    }
}
