package org.wsdepends.examples.benchmark.app;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.websocket.CloseReason;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * The benchmark's endpoint in plain Jakarta WebSocket: {@link WrappedEcho}'s work done by hand. The
 * header and the cookie can only be read in the configurator, which hands them to {@code @OnOpen}
 * through the connection's user properties; missing or invalid values close with 1008.
 */
@ServerEndpoint(value = "/raw/{room}", configurator = RawEcho.ReadHeaders.class)
public class RawEcho {

    private static final String CLIENT = "bench.client";
    private static final String SESSION = "bench.session";

    private Db db;

    @OnOpen
    public void open(Session connection, @PathParam("room") String room) throws IOException {
        Map<String, List<String>> query = connection.getRequestParameterMap();
        String token = first(query.get("token"));
        String limitText = first(query.get("limit"));
        String client = (String) connection.getUserProperties().remove(CLIENT);
        String session = (String) connection.getUserProperties().remove(SESSION);
        int limit = Handshake.limit(limitText);
        if (token == null || client == null || session == null || limit < 1) {
            connection.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "Invalid handshake"));
            return;
        }
        db = Db.open();
        User user = db.user(token);
        connection.getBasicRemote().sendText(Db.welcome(user, room, limit, client, session));
    }

    @OnMessage
    public String echo(String text) {
        return text;
    }

    @OnClose
    public void close() {
        if (db != null) {
            db.close();
        }
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Reads the {@code x-client} header and the {@code session} cookie of the handshake. */
    public static final class ReadHeaders extends ServerEndpointConfig.Configurator {

        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            String client = null;
            String session = null;
            for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
                if (header.getKey().equalsIgnoreCase("x-client")) {
                    client = first(header.getValue());
                } else if (header.getKey().equalsIgnoreCase("cookie")) {
                    session = Handshake.cookie(header.getValue(), "session");
                }
            }
            if (client != null) {
                config.getUserProperties().put(CLIENT, client);
            }
            if (session != null) {
                config.getUserProperties().put(SESSION, session);
            }
        }
    }
}
