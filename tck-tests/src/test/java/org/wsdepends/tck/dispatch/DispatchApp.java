package org.wsdepends.tck.dispatch;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
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

import org.wsdepends.Query;
import org.wsdepends.tck.support.Events;
import org.wsdepends.tck.support.Point;

/** The application {@link DispatchTest} deploys. */
public final class DispatchApp {

    private DispatchApp() {
    }

    @ServerEndpoint("/text/{n}")
    public static class TextEndpoint {
        @Inject @Query("prefix") String prefix;

        @OnMessage
        public String text(String message, Session session, @PathParam("n") int n) {
            return prefix + message + n + " " + session.getId().isEmpty();
        }

        @OnMessage
        public ByteBuffer binary(ByteBuffer bytes) {
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            return ByteBuffer.wrap(("bin:" + new String(copy, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        }

        @OnMessage
        public void pong(PongMessage pong, Session session) throws IOException {
            session.getBasicRemote().sendText("pong:" + StandardCharsets.UTF_8.decode(pong.getApplicationData()));
        }
    }

    @ServerEndpoint(value = "/coded", decoders = Point.TextDecoder.class, encoders = Point.TextEncoder.class)
    public static class CodedEndpoint {
        @Inject @Query("dx") int dx;

        @OnMessage
        public Point move(Point point) {
            return new Point(point.x() + dx, point.y());
        }

        @OnError
        public void error(Session session, Throwable error) throws IOException {
            session.getBasicRemote().sendText("error:" + error.getClass().getSimpleName());
        }
    }

    @ServerEndpoint("/partial")
    public static class PartialEndpoint {
        private final StringBuilder text = new StringBuilder();
        @Inject @Query("q") String q;

        @OnMessage
        public void part(String chunk, boolean last, Session session) throws IOException {
            text.append(chunk);
            if (last) {
                session.getBasicRemote().sendText("whole:" + text);
                text.setLength(0);
            }
        }

        @OnMessage
        public void stream(InputStream in, Session session) throws IOException {
            session.getBasicRemote().sendText("stream:" + new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @ServerEndpoint("/reader")
    public static class ReaderEndpoint {
        @Inject @Query("q") String q;

        @OnMessage
        public String read(Reader reader) throws IOException {
            StringBuilder all = new StringBuilder();
            char[] buffer = new char[64];
            for (int read; (read = reader.read(buffer)) > 0;) {
                all.append(buffer, 0, read);
            }
            return "reader:" + all;
        }

        @OnMessage
        public String primitive(byte[] bytes) {
            return "bytes:" + bytes.length;
        }
    }

    @ServerEndpoint("/limited")
    public static class LimitedEndpoint {
        @Inject @Query("q") String q;

        @OnMessage(maxMessageSize = 16)
        public String small(String text) {
            return "ok:" + text;
        }

        @OnClose
        public void close(CloseReason reason) {
            Events.add("limited closed " + reason.getCloseCode().getCode());
        }
    }

    @ServerEndpoint(value = "/protocols", subprotocols = {"chat.v2", "chat.v1"})
    public static class ProtocolsEndpoint {
        @Inject @Query("q") String q;

        @OnOpen
        public void open(Session session) throws IOException {
            session.getBasicRemote().sendText("protocol:" + session.getNegotiatedSubprotocol());
        }
    }

    public static class OriginCheck extends ServerEndpointConfig.Configurator {
        @Override
        public boolean checkOrigin(String originHeaderValue) {
            Events.add("checkOrigin " + originHeaderValue);
            return true;
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            sec.getUserProperties().put("seen-token", request.getHeaders().get("x-token").get(0));
            response.getHeaders().put("x-modified", List.of("yes"));
        }
    }

    @ServerEndpoint(value = "/configured", configurator = OriginCheck.class)
    public static class ConfiguredEndpoint {
        @Inject @Query("q") String q;

        @OnOpen
        public void open(Session session) throws IOException {
            session.getBasicRemote().sendText("props:" + session.getUserProperties().get("seen-token") + " q:" + q);
        }
    }

    @ServerEndpoint("/instances")
    public static class InstancesEndpoint {
        static final Set<Object> INSTANCES = ConcurrentHashMap.newKeySet();
        @Inject @Query("q") String q;

        @OnOpen
        public void open() {
            INSTANCES.add(this);
        }

        @OnMessage
        public String message(String text) {
            return String.valueOf(System.identityHashCode(this));
        }

        @OnClose
        public void close(Session session, CloseReason reason) {
            Events.add("instances closed " + reason.getCloseCode().getCode() + " " + reason.getReasonPhrase());
        }
    }
}
