package org.wsdepends.extension;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.CreationException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DecodeException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;

import org.wsdepends.RequestValidationException;
import org.wsdepends.Scope;
import org.wsdepends.ValidationError;
import org.wsdepends.core.ConstraintCheck;
import org.wsdepends.core.Constraints;
import org.wsdepends.core.ConversionException;
import org.wsdepends.core.Conversions;
import org.wsdepends.core.DependencyScope;
import org.wsdepends.core.ErrorReports;
import org.wsdepends.core.HandshakeData;
import org.wsdepends.core.Resolution;

/**
 * The adapter the container runs for one connection of a wrapped endpoint. On open it resolves the
 * handshake values and connection dependencies, creates the user's endpoint through CDI, registers
 * message handlers mirroring the endpoint's {@code @OnMessage} methods and calls {@code @OnOpen};
 * on close it calls {@code @OnClose} and runs the cleanup, exactly once.
 *
 * <p>Public only because containers instantiate endpoint classes reflectively in some paths; it is
 * not part of the API.
 */
public final class WrappedEndpoint extends Endpoint {

    private static final System.Logger LOG = System.getLogger("org.wsdepends");
    private static final Object[] NO_VALUES = {};

    private final EndpointRuntime runtime;
    private final DependencyScope connection;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicInteger callbacksRunning = new AtomicInteger();
    private volatile boolean endRequested;
    private Session session;
    private HandshakeData handshake;
    private Object[] connectionValues = NO_VALUES;
    private Object instance;
    private CreationalContext<Object> instanceContext;
    private volatile boolean opened;

    WrappedEndpoint(EndpointRuntime runtime) {
        this.runtime = runtime;
        this.connection = new DependencyScope(runtime.connectionScopeName);
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        this.session = session;
        runtime.opened(this);
        callbacksRunning.incrementAndGet();
        try {
            runtime.inRequestContext(() -> open(config));
        } finally {
            callbackDone();
        }
    }

    private void open(EndpointConfig config) {
        try {
            HandshakeData captured = (HandshakeData) config.getUserProperties().remove(WsDependsConfigurator.HANDSHAKE);
            session.getUserProperties().remove(WsDependsConfigurator.HANDSHAKE);
            if (captured == null) {
                throw new IllegalStateException("no handshake was captured for " + description()
                        + ": the container did not call the wsdepends configurator's modifyHandshake");
            }
            HandshakeData data = captured.withPathParameters(session.getPathParameters());
            connectionValues = Resolution.resolve(runtime.model.connection(), Scope.CONNECTION, data, connection, null,
                    runtime.description);
            instanceContext = runtime.beanManager.createCreationalContext(null);
            instance = runtime.newInstance(connectionValues, instanceContext);
            handshake = runtime.model.keepsHandshake() ? data : null;
            registerMessageHandlers(session);
            opened = true;
            if (runtime.model.onOpen() != null) {
                invoke(runtime.model.onOpen(), null, false, NO_VALUES, config, null, null);
            }
        } catch (Throwable failure) {
            fail(unwrap(failure));
        }
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            runtime.inRequestContext(() -> close(closeReason));
        } finally {
            // containers call onClose re-entrantly when a callback closes the session (and Undertow on
            // its I/O thread): the connection's cleanup waits for running callbacks, so message-scoped
            // cleanup still comes first and no dependency is disposed while a callback uses it
            endRequested = true;
            if (callbacksRunning.get() == 0) {
                end();
            }
        }
    }

    private void close(CloseReason closeReason) {
        try {
            if (opened && runtime.model.onClose() != null) {
                invoke(runtime.model.onClose(), null, false, NO_VALUES, null, closeReason, null);
            }
        } catch (Throwable failure) {
            LOG.log(Level.ERROR, "@OnClose of " + description() + " threw", unwrap(failure));
        }
    }

    @Override
    public void onError(Session session, Throwable thr) {
        callbacksRunning.incrementAndGet();
        try {
            runtime.inRequestContext(() -> fail(unwrap(thr)));
        } finally {
            callbackDone();
        }
    }

    private void callbackDone() {
        if (callbacksRunning.decrementAndGet() == 0 && endRequested) {
            end();
        }
    }

    /** The connection's cleanup and the endpoint's release, exactly once. */
    private void end() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        try {
            connection.close();
            if (instanceContext != null) {
                runtime.release(instance, instanceContext);
            }
        } finally {
            runtime.ended(this);
        }
    }

    /** Whether the user's endpoint exists, i.e. the handshake values resolved. */
    boolean isOpened() {
        return opened;
    }

    String description() {
        return runtime.description;
    }

    /** Default handling of a handshake validation failure: error frame, then close 1008 (design §4). */
    void rejectHandshake(List<ValidationError> errors) throws IOException {
        connection.close();
        if (session.isOpen()) {
            session.getBasicRemote().sendText(ErrorReports.detailFrame(errors));
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, ErrorReports.closeReason(errors)));
        }
    }

    /** Default handling of an invalid message: error frame, connection stays open. */
    void sendValidationErrors(List<ValidationError> errors) throws IOException {
        if (session.isOpen()) {
            session.getBasicRemote().sendText(ErrorReports.detailFrame(errors));
        }
    }

    /** Runs the connection's cleanup, then closes: FastAPI's order on error paths. */
    void closeAfterCleanup(int code, String reason) {
        connection.close();
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), ErrorReports.shorten(reason)));
            }
        } catch (IOException | IllegalStateException closeFailed) {
            LOG.log(Level.DEBUG, "closing " + description() + " failed", closeFailed);
        }
    }

    /** The container is shutting down: close the session, and clean up even if it never calls onClose. */
    void endOnShutdown() {
        try {
            if (session != null && session.isOpen()) {
                session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "Server shutting down"));
            }
        } catch (IOException | RuntimeException closeFailed) {
            LOG.log(Level.DEBUG, "closing " + description() + " on shutdown failed", closeFailed);
        }
        onClose(session, new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "Server shutting down"));
        end();
    }

    private void fail(Throwable failure) {
        if (!opened) {
            connection.close();
        }
        HandlerMethod onError = runtime.model.onError();
        if (instance != null && onError != null && onError.errorType.isInstance(failure)) {
            try {
                callWithDependencies(onError, null, false, failure);
                return;
            } catch (Throwable fromOnError) {
                failure = unwrap(fromOnError);
            }
        }
        runtime.exceptions.dispatch(failure, session, this);
    }

    private void deliver(HandlerMethod handler, Object payload, boolean last) {
        if (handler.maxMessageSize > 0 && tooBig(handler, payload)) {
            return;
        }
        callbacksRunning.incrementAndGet();
        try {
            runtime.inRequestContext(() -> handle(handler, payload, last));
        } finally {
            callbackDone();
        }
    }

    private void handle(HandlerMethod handler, Object payload, boolean last) {
        try {
            Object message = handler.payload == HandlerMethod.Payload.JSON ? fromJson(handler, (String) payload)
                    : handler.payload == HandlerMethod.Payload.TEXT_CONVERTED ? convert(handler, (String) payload) : payload;
            if (message == null && handler.payload == HandlerMethod.Payload.JSON) {
                return;
            }
            Object result = callWithDependencies(handler, message, last, null);
            if (result != null) {
                send(result);
            }
        } catch (Throwable failure) {
            fail(unwrap(failure));
        }
    }

    /**
     * Containers enforce {@code @OnMessage(maxMessageSize)} only for the handlers they build for
     * annotated endpoints, so the adapter checks whole messages itself, with Tyrus's wording.
     */
    private boolean tooBig(HandlerMethod handler, Object payload) {
        long size;
        if (payload instanceof String text) {
            size = ErrorReports.utf8Length(text);
        } else if (payload instanceof ByteBuffer buffer) {
            size = buffer.remaining();
        } else if (payload instanceof byte[] bytes) {
            size = bytes.length;
        } else {
            return false;
        }
        if (size <= handler.maxMessageSize) {
            return false;
        }
        closeAfterCleanup(CloseReason.CloseCodes.TOO_BIG.getCode(), String.format(
                "Message too long; allowed message size is %d bytes. (Current message length is %d bytes).",
                handler.maxMessageSize, size));
        return true;
    }

    /** Calls a per-call handler with its own message scope, destroyed before the call's errors are handled. */
    private Object callWithDependencies(HandlerMethod handler, Object payload, boolean last, Throwable error) throws Throwable {
        if (handler.callDependencies.isEmpty()) {
            return invoke(handler, payload, last, NO_VALUES, null, null, error);
        }
        DependencyScope message = new DependencyScope(runtime.messageScopeName);
        try {
            Object[] values = Resolution.resolve(handler.callDependencies, Scope.MESSAGE, handshake, connection, message,
                    runtime.description);
            return invoke(handler, payload, last, values, null, null, error);
        } finally {
            message.close();
        }
    }

    private Object invoke(HandlerMethod handler, Object payload, boolean last, Object[] callValues, EndpointConfig config,
            CloseReason closeReason, Throwable error) throws Throwable {
        return (Object) handler.invoker.invokeExact(instance, session, config, closeReason, error, payload, last,
                connectionValues, callValues);
    }

    private Object fromJson(HandlerMethod handler, String text) throws IOException {
        Object message;
        try {
            message = runtime.jsonb().fromJson(text, handler.payloadType);
        } catch (JsonbException malformed) {
            closeAfterCleanup(CloseReason.CloseCodes.NOT_CONSISTENT.getCode(), "Invalid JSON for "
                    + handler.payloadType.getSimpleName() + ": " + malformed.getMessage());
            return null;
        }
        if (handler.validatePayload && message != null) {
            Set<ConstraintViolation<Object>> violations = runtime.validator().validate(message);
            if (!violations.isEmpty()) {
                throw new RequestValidationException(bodyErrors(violations), runtime.description);
            }
        }
        return message;
    }

    private static List<ValidationError> bodyErrors(Set<ConstraintViolation<Object>> violations) {
        List<ValidationError> errors = new ArrayList<>();
        for (ConstraintViolation<Object> violation : violations) {
            List<Object> loc = new ArrayList<>();
            loc.add("body");
            for (Path.Node node : violation.getPropertyPath()) {
                if (node.getName() != null) {
                    loc.add(node.getName());
                }
                if (node.getIndex() != null) {
                    loc.add(node.getIndex());
                }
            }
            ConstraintCheck.Failure failure = Constraints.describe(violation.getConstraintDescriptor().getAnnotation(),
                    violation.getInvalidValue(), violation.getMessage());
            errors.add(new ValidationError(failure.type(), loc, failure.msg(), violation.getInvalidValue(), failure.ctx()));
        }
        errors.sort(java.util.Comparator.comparing(error -> error.loc().toString()));
        return errors;
    }

    private static Object convert(HandlerMethod handler, String text) throws DecodeException {
        try {
            return Conversions.builtIn(handler.payloadType).convert(text);
        } catch (ConversionException invalid) {
            throw new DecodeException(text, invalid.getMessage());
        }
    }

    private void send(Object result) throws IOException, jakarta.websocket.EncodeException {
        RemoteEndpoint.Basic remote = session.getBasicRemote();
        if (result instanceof String text) {
            remote.sendText(text);
        } else if (result instanceof ByteBuffer buffer) {
            remote.sendBinary(buffer);
        } else if (result instanceof byte[] bytes) {
            remote.sendBinary(ByteBuffer.wrap(bytes));
        } else if (runtime.hasEncoderFor(result.getClass())) {
            remote.sendObject(result);
        } else if (result instanceof Number || result instanceof Boolean || result instanceof Character) {
            remote.sendText(String.valueOf(result));
        } else {
            remote.sendText(runtime.jsonb().toJson(result));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void registerMessageHandlers(Session session) {
        for (HandlerMethod handler : runtime.model.onMessage()) {
            switch (handler.payload) {
                case TEXT, JSON, TEXT_CONVERTED -> session.addMessageHandler(String.class,
                        (MessageHandler.Whole<String>) text -> deliver(handler, text, true));
                case TEXT_PARTIAL -> session.addMessageHandler(String.class,
                        (MessageHandler.Partial<String>) (text, last) -> deliver(handler, text, last));
                case READER -> session.addMessageHandler(Reader.class,
                        (MessageHandler.Whole<Reader>) reader -> deliver(handler, reader, true));
                case BINARY_BUFFER -> session.addMessageHandler(ByteBuffer.class,
                        (MessageHandler.Whole<ByteBuffer>) buffer -> deliver(handler, buffer, true));
                case BINARY_ARRAY -> session.addMessageHandler(byte[].class,
                        (MessageHandler.Whole<byte[]>) bytes -> deliver(handler, bytes, true));
                case BINARY_BUFFER_PARTIAL -> session.addMessageHandler(ByteBuffer.class,
                        (MessageHandler.Partial<ByteBuffer>) (buffer, last) -> deliver(handler, buffer, last));
                case BINARY_ARRAY_PARTIAL -> session.addMessageHandler(byte[].class,
                        (MessageHandler.Partial<byte[]>) (bytes, last) -> deliver(handler, bytes, last));
                case INPUT_STREAM -> session.addMessageHandler(InputStream.class,
                        (MessageHandler.Whole<InputStream>) stream -> deliver(handler, stream, true));
                case PONG -> session.addMessageHandler(PongMessage.class,
                        (MessageHandler.Whole<PongMessage>) pong -> deliver(handler, pong, true));
                case TEXT_DECODED, BINARY_DECODED -> session.addMessageHandler((Class) handler.payloadType,
                        (MessageHandler.Whole<Object>) decoded -> deliver(handler, decoded, true));
                default -> throw new IllegalStateException("unknown payload kind " + handler.payload);
            }
            if (handler.maxMessageSize > 0) {
                int limit = (int) Math.min(Integer.MAX_VALUE, handler.maxMessageSize);
                if (handler.isBinary()) {
                    session.setMaxBinaryMessageBufferSize(limit);
                } else {
                    session.setMaxTextMessageBufferSize(limit);
                }
            }
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof InvocationTargetException || current instanceof CreationException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
