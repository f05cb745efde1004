package org.wsdepends.tck.conformance.dispatch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.websocket.CloseReason;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import org.wsdepends.Depends;
import org.wsdepends.tck.support.Events;
import org.wsdepends.tck.support.Point;

/**
 * The application {@link DifferentialDispatchTest} deploys: every endpoint twice, once plain under {@code /plain}
 * (the container dispatches it) and once wrapped under {@code /wrapped}, a subclass that only adds the class-level
 * {@code @Depends(Wrap.class)} (wsdepends dispatches it, with the same methods). Endpoints record their callbacks
 * with {@link Events}; every one records {@code @OnClose}, the last callback of a connection.
 */
public final class DifferentialApp {

    private DifferentialApp() {
    }

    /** The dependency that makes wsdepends wrap an endpoint; it does nothing else. */
    public static final class Wrap {
    }

    @ApplicationScoped
    public static class Wrapping {
        @Produces @Depends
        Wrap wrap() {
            return new Wrap();
        }
    }

    private static void closed(CloseReason reason) {
        Events.add("@OnClose " + reason.getCloseCode().getCode() + " " + reason.getReasonPhrase());
    }

    private static void error(Throwable error) {
        Events.add("@OnError " + error.getClass().getSimpleName());
    }

    /** Text, binary and pong messages, return values, Session and @PathParam primitives in handler parameters. */
    @ServerEndpoint("/plain/echo/{n}")
    public static class Echo {
        @OnOpen
        public void open(Session session, @PathParam("n") int n) {
            Events.add("@OnOpen n=" + n);
        }

        @OnMessage
        public String text(String text, Session session, @PathParam("n") int n) {
            return "text:" + text + ":" + n + ":" + session.isOpen();
        }

        @OnMessage
        public ByteBuffer binary(ByteBuffer bytes, @PathParam("n") long n) {
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            return ByteBuffer.wrap(("binary:" + new String(copy, StandardCharsets.UTF_8) + ":" + n).getBytes(StandardCharsets.UTF_8));
        }

        @OnMessage
        public void pong(PongMessage pong, Session session) throws IOException {
            session.getBasicRemote().sendText("pong:" + StandardCharsets.UTF_8.decode(pong.getApplicationData()));
        }

        @OnClose
        public void close(CloseReason reason) {
            closed(reason);
        }

        @OnError
        public void error(Throwable thrown) {
            DifferentialApp.error(thrown);
        }
    }

    @ServerEndpoint("/wrapped/echo/{n}")
    @Depends(Wrap.class)
    public static class WrappedEcho extends Echo {
    }

    /**
     * Jakarta's @PathParam with a name that is no variable of the path, plain and in braces: the PathParam Javadoc
     * gives such a parameter null.
     */
    @ServerEndpoint("/plain/names/{param}")
    public static class Names {
        @OnOpen
        public void open(@PathParam("param") String param, @PathParam("nonused") String unknown, @PathParam("{param}") String braced) {
            Events.add("@OnOpen " + param + " " + unknown + " " + braced);
        }

        @OnMessage
        public String text(String text, @PathParam("nonused") String unknown, @PathParam("{param}") String braced) {
            return text + " " + unknown + " " + braced;
        }

        @OnClose
        public void close(CloseReason reason) {
            closed(reason);
        }
    }

    @ServerEndpoint("/wrapped/names/{param}")
    @Depends(Wrap.class)
    public static class WrappedNames extends Names {
    }

    /** Return values of primitive and array types. */
    @ServerEndpoint("/plain/returns")
    public static class Returns {
        @OnMessage
        public int length(String text) {
            return text.length();
        }

        @OnMessage
        public byte[] reversed(byte[] bytes) {
            byte[] reversed = new byte[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                reversed[i] = bytes[bytes.length - 1 - i];
            }
            return reversed;
        }

        @OnClose
        public void close(CloseReason reason) {
            closed(reason);
        }
    }

    @ServerEndpoint("/wrapped/returns")
    @Depends(Wrap.class)
    public static class WrappedReturns extends Returns {
    }

    /** Declared decoders and encoders; a decoder failure reaches @OnError. */
    @ServerEndpoint(value = "/plain/coded", decoders = Point.TextDecoder.class, encoders = Point.TextEncoder.class)
    public static class Coded {
        @OnMessage
        public Point move(Point point) {
            return new Point(point.x() + 1, point.y());
        }

        @OnError
        public void error(Session session, Throwable thrown) throws IOException {
            DifferentialApp.error(thrown);
            session.getBasicRemote().sendText("error:" + thrown.getClass().getSimpleName());
        }

        @OnClose
        public void close(CloseReason reason) {
            closed(reason);
        }
    }

    @ServerEndpoint(value = "/wrapped/coded", decoders = Point.TextDecoder.class, encoders = Point.TextEncoder.class)
    @Depends(Wrap.class)
    public static class WrappedCoded extends Coded {
    }

    /** Partial text and binary messages. */
    @ServerEndpoint("/plain/partial")
    public static class Partial {
        @OnMessage
        public void text(String part, boolean last, Session session) throws IOException {
            session.getBasicRemote().sendText("part:" + part + ":" + last);
        }

        @OnMessage
        public void binary(ByteBuffer part, boolean last, Session session) throws IOException {
            session.getBasicRemote().sendText("binary part:" + StandardCharsets.UTF_8.decode(part) + ":" + last);
        }

        @OnClose
        public void close(CloseReason reason) {
            closed(reason);
        }
    }

    @ServerEndpoint("/wrapped/partial")
    @Depends(Wrap.class)
    public static class WrappedPartial extends Partial {
    }

    /** maxMessageSize of whole text and binary messages. */
    @ServerEndpoint("/plain/limited")
    public static class Limited {
        @OnMessage(maxMessageSize = 16)
        public String text(String text) {
            return "ok:" + text;
        }

        @OnMessage(maxMessageSize = 8)
        public byte[] binary(byte[] bytes) {
            return bytes;
        }

        @OnClose
        public void close(CloseReason reason) {
            closed(reason);
        }

        @OnError
        public void error(Throwable thrown) {
            DifferentialApp.error(thrown);
        }
    }

    @ServerEndpoint("/wrapped/limited")
    @Depends(Wrap.class)
    public static class WrappedLimited extends Limited {
    }

    /** Subprotocol negotiation with the container's default configurator. */
    @ServerEndpoint(value = "/plain/protocols", subprotocols = {"chat.v2", "chat.v1"})
    public static class Protocols {
        @OnOpen
        public void open(Session session) throws IOException {
            session.getBasicRemote().sendText("protocol:" + session.getNegotiatedSubprotocol());
        }

        @OnClose
        public void close(CloseReason reason) {
            closed(reason);
        }
    }

    @ServerEndpoint(value = "/wrapped/protocols", subprotocols = {"chat.v2", "chat.v1"})
    @Depends(Wrap.class)
    public static class WrappedProtocols extends Protocols {
    }

    /** A user configurator: origin check, handshake modification, its own subprotocol choice. */
    public static class Check extends ServerEndpointConfig.Configurator {
        @Override
        public boolean checkOrigin(String originHeaderValue) {
            Events.add("checkOrigin " + originHeaderValue);
            return originHeaderValue == null || !originHeaderValue.contains("evil");
        }

        @Override
        public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
            // the last one both know, unlike the default (the client's first)
            String chosen = "";
            for (String protocol : requested) {
                if (supported.contains(protocol)) {
                    chosen = protocol;
                }
            }
            return chosen;
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            List<String> token = request.getHeaders().get("x-token");
            Events.add("modifyHandshake " + token);
            sec.getUserProperties().put("seen-token", token == null ? "none" : token.get(0));
        }
    }

    @ServerEndpoint(value = "/plain/configured", configurator = Check.class, subprotocols = {"a", "b"})
    public static class Configured {
        @OnOpen
        public void open(Session session) throws IOException {
            session.getBasicRemote().sendText("props:" + session.getUserProperties().get("seen-token") + " protocol:"
                    + session.getNegotiatedSubprotocol());
        }

        @OnClose
        public void close(CloseReason reason) {
            closed(reason);
        }
    }

    @ServerEndpoint(value = "/wrapped/configured", configurator = Check.class, subprotocols = {"a", "b"})
    @Depends(Wrap.class)
    public static class WrappedConfigured extends Configured {
    }

    /** Closing from @OnOpen and @OnMessage (the containers call @OnClose re-entrantly), exceptions reaching @OnError. */
    @ServerEndpoint("/plain/lifecycle")
    public static class Lifecycle {
        @OnOpen
        public void open(Session session) throws IOException {
            Events.add("@OnOpen");
            if ("close".equals(session.getQueryString())) {
                session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(4001), "from onOpen"));
            }
            Events.add("@OnOpen end");
        }

        @OnMessage
        public String message(String text, Session session) throws IOException {
            Events.add("@OnMessage " + text);
            switch (text) {
                case "close" -> session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(4002), "from onMessage"));
                case "throw" -> throw new IllegalStateException("thrown on purpose");
                default -> {
                    return "echo:" + text;
                }
            }
            Events.add("@OnMessage end");
            return null;
        }

        @OnError
        public void error(Session session, Throwable thrown) throws IOException {
            DifferentialApp.error(thrown);
            session.getBasicRemote().sendText("error:" + thrown.getClass().getSimpleName());
        }

        @OnClose
        public void close(CloseReason reason) {
            closed(reason);
        }
    }

    @ServerEndpoint("/wrapped/lifecycle")
    @Depends(Wrap.class)
    public static class WrappedLifecycle extends Lifecycle {
    }
}
