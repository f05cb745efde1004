package org.wsdepends.embedded;

import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import jakarta.websocket.Decoder;
import jakarta.websocket.OnMessage;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.glassfish.tyrus.core.monitoring.ApplicationEventListener;
import org.glassfish.tyrus.core.monitoring.EndpointEventListener;
import org.glassfish.tyrus.core.monitoring.MessageEventListener;

/**
 * The message size limits of each endpoint: the server's, lowered by the endpoint's
 * {@code @OnMessage(maxMessageSize)} for whole text or binary messages, so {@link FrameGuard} refuses a frame over
 * the endpoint's limit from its header instead of Tyrus buffering it (Tyrus then closes with 1011, and a wrapped
 * endpoint gets a second error from the fragments that follow). Found when a session opens, through Tyrus's
 * monitoring callback, which runs on the handshake's thread.
 *
 * <p>Partial-message handlers keep the server's limit: the endpoint sees each part on its own. A decoded message
 * counts as text unless the endpoint declares a binary decoder.
 */
final class EndpointLimits implements ApplicationEventListener {

    private static final ThreadLocal<Limit> OPENED = new ThreadLocal<>();

    private final Map<String, Class<?>> declared = new HashMap<>();
    private final long serverLimit;

    /**
     * @param endpoints   the endpoint classes as the user declared them (wrapped ones register an adapter class)
     * @param serverLimit the server's message size limit
     */
    EndpointLimits(Iterable<Class<?>> endpoints, long serverLimit) {
        for (Class<?> endpoint : endpoints) {
            declared.put(endpoint.getAnnotation(ServerEndpoint.class).value(), endpoint);
        }
        this.serverLimit = serverLimit;
    }

    /** Limits of one endpoint, in bytes. */
    record Limit(long text, long binary) {
    }

    /** Forgets what an earlier handshake on this thread left; call before Tyrus opens a session. */
    static void reset() {
        OPENED.remove();
    }

    /**
     * @param fallback the limit when no session opened on this thread since {@link #reset()}
     * @return the limits of the endpoint whose session opened on this thread since {@link #reset()}
     */
    static Limit opened(Limit fallback) {
        Limit limit = OPENED.get();
        OPENED.remove();
        return limit != null ? limit : fallback;
    }

    @Override
    public EndpointEventListener onEndpointRegistered(String endpointPath, Class<?> endpointClass) {
        Limit limit = of(declared.getOrDefault(endpointPath, endpointClass));
        return new EndpointEventListener() {
            @Override
            public MessageEventListener onSessionOpened(String sessionId) {
                OPENED.set(limit);
                return MessageEventListener.NO_OP;
            }

            @Override
            public void onSessionClosed(String sessionId) {
                // nothing to forget: the limit belongs to the endpoint
            }

            @Override
            public void onError(String sessionId, Throwable t) {
                // the endpoint reports its own errors
            }
        };
    }

    @Override
    public void onApplicationInitialized(String applicationName) {
        // nothing to do: limits are found per endpoint
    }

    @Override
    public void onApplicationDestroyed() {
        // nothing to release
    }

    @Override
    public void onEndpointUnregistered(String endpointPath) {
        // endpoints are never unregistered while the server runs
    }

    private Limit of(Class<?> endpoint) {
        ServerEndpoint annotation = endpoint.getAnnotation(ServerEndpoint.class);
        boolean binaryDecoders = annotation != null && Arrays.stream(annotation.decoders())
                .anyMatch(d -> Decoder.Binary.class.isAssignableFrom(d)
                        || Decoder.BinaryStream.class.isAssignableFrom(d));
        long text = serverLimit;
        long binary = serverLimit;
        for (Class<?> level = endpoint; level != null && level != Object.class; level = level.getSuperclass()) {
            for (Method method : level.getDeclaredMethods()) {
                OnMessage onMessage = method.getAnnotation(OnMessage.class);
                if (onMessage == null || onMessage.maxMessageSize() <= 0) {
                    continue;
                }
                switch (kind(method, binaryDecoders)) {
                    case TEXT -> text = Math.min(text, onMessage.maxMessageSize());
                    case BINARY -> binary = Math.min(binary, onMessage.maxMessageSize());
                    default -> {
                        // partial, pong or undecidable: the server's limit applies
                    }
                }
            }
        }
        return new Limit(text, binary);
    }

    private enum Kind { TEXT, BINARY, OTHER }

    private static Kind kind(Method method, boolean binaryDecoders) {
        boolean text = false;
        boolean binary = false;
        for (Parameter parameter : method.getParameters()) {
            Class<?> type = parameter.getType();
            // path parameters, wsdepends injections and the session are not the message
            if (parameter.getAnnotations().length > 0 || type == Session.class) {
                continue;
            }
            if (type == boolean.class || type == Boolean.class || type == PongMessage.class) {
                return Kind.OTHER;
            }
            binary |= type == ByteBuffer.class || type == byte[].class || type == InputStream.class;
            text |= type == String.class || type == Reader.class;
        }
        if (binary) {
            return Kind.BINARY;
        }
        return text || !binaryDecoders ? Kind.TEXT : Kind.OTHER;
    }
}
