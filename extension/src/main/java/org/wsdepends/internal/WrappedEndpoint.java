package org.wsdepends.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;

import org.wsdepends.Scope;
import org.wsdepends.core.DependencyScope;
import org.wsdepends.core.HandshakeData;
import org.wsdepends.core.MessageSize;
import org.wsdepends.core.Resolution;
import org.wsdepends.security.Identity;
import org.wsdepends.spi.ExceptionContext;

/**
 * The adapter the container runs for one connection of a wrapped endpoint. On open it resolves the
 * handshake values and connection dependencies ({@link Admission}), or takes what was resolved before the
 * upgrade, creates the user's endpoint, registers message handlers mirroring the endpoint's
 * {@code @OnMessage} methods and calls {@code @OnOpen}; on close it calls {@code @OnClose} and runs the
 * cleanup, exactly once.
 *
 * <p>Its state goes one way: {@code OPENING} (resolving; no endpoint yet) to {@code OPEN} (the
 * endpoint exists), possibly {@code CLOSE_SENT} (wsdepends closed it; what the container still
 * reports is late), to {@code CLOSING} (the container reported the close; cleanup waits for running
 * callbacks) to {@code ENDED} (cleanup done). A refused handshake goes from {@code OPENING} to
 * {@code REFUSED}, then {@code CLOSING}.
 *
 * <p>Public only because containers instantiate endpoint classes reflectively in some paths; it is
 * not part of the API.
 */
public final class WrappedEndpoint extends Endpoint {

    private enum State { OPENING, REFUSED, OPEN, CLOSE_SENT, CLOSING, ENDED }

    private static final System.Logger LOG = System.getLogger("org.wsdepends");
    private static final Object[] NO_VALUES = {};
    /**
     * A reply that could not be written means the connection is going away; the container reports that
     * through {@code onError} or {@code onClose}, where the cleanup runs.
     */
    private static final SendHandler REPLY_SENT = result -> {
        if (!result.isOK()) {
            LOG.log(Level.DEBUG, "a reply could not be sent", result.getException());
        }
    };
    private static final String SHUTTING_DOWN = "Server shutting down";

    private final EndpointRuntime runtime;
    // replaced by the admission's scope when the connection was resolved before the upgrade
    private DependencyScope connection;
    private final AtomicInteger callbacksRunning = new AtomicInteger();
    private volatile State state = State.OPENING;
    private boolean closeSeen;
    /** Whether the callback waits for its reply to be written, as the container's own annotated endpoints do. */
    private boolean waitsForReplies;
    /** The close that {@code @OnClose} gets once no callback runs; {@code null} if it is not to be called. */
    private CloseReason pendingClose;
    /** The thread of the callback running last, to tell a close from inside a callback. */
    private volatile Thread callbackThread;
    private Session session;
    private HandshakeData handshake;
    private Object[] connectionValues = NO_VALUES;
    private EndpointFactory.Created endpoint;
    private volatile ScheduledFuture<?> expiryTask;

    WrappedEndpoint(EndpointRuntime runtime) {
        this.runtime = runtime;
        this.connection = new DependencyScope(runtime.connectionScopeName);
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        this.session = session;
        this.waitsForReplies = Tyrus.implemented(session);
        Admission admitted = (Admission) config.getUserProperties().remove(Admission.KEY);
        session.getUserProperties().remove(Admission.KEY);
        if (!runtime.opened(this)) {
            if (admitted != null) {
                admitted.dispose();
            }
            closeSession(CloseReason.CloseCodes.GOING_AWAY.getCode(), SHUTTING_DOWN);
            return;
        }
        if (admitted != null) {
            // resolved before the upgrade: that scope holds what this connection must dispose
            connection = admitted.scope();
        }
        callbackStarts();
        try {
            runtime.factory.inRequestContext(() -> open(config, admitted));
        } finally {
            callbackDone();
        }
    }

    /**
     * @param admitted what was resolved before the upgrade, {@code null} in the default mode, where it is resolved
     *                 here by the same code
     */
    private void open(EndpointConfig config, Admission admitted) {
        try {
            Admission admission = admitted != null ? claimed(admitted)
                    : Admission.admit(runtime, capturedHandshake(config), connection);
            connectionValues = admission.values();
            scheduleExpiry();
            if (!keep(runtime.factory.create(connectionValues))) {
                return;
            }
            handshake = runtime.model.keepsHandshake() ? admission.handshake() : null;
            registerMessageHandlers(session);
            if (advance(State.OPENING, State.OPEN) && runtime.model.onOpen() != null) {
                invoke(runtime.model.onOpen(), null, false, NO_VALUES, config, null, null);
            }
        } catch (Throwable failure) {
            fail(unwrap(failure));
        }
    }

    /**
     * @return {@code false} if the connection was cleaned up while the instance was made (its application stopped
     *         and did not wait for it): the instance is released at once
     */
    private boolean keep(EndpointFactory.Created created) {
        synchronized (this) {
            if (state != State.ENDED) {
                endpoint = created;
                return true;
            }
        }
        created.release();
        return false;
    }

    private HandshakeData capturedHandshake(EndpointConfig config) {
        HandshakeData captured = (HandshakeData) config.getUserProperties().remove(WsDependsConfigurator.HANDSHAKE);
        session.getUserProperties().remove(WsDependsConfigurator.HANDSHAKE);
        if (captured == null) {
            throw new IllegalStateException("no handshake was captured for " + runtime.description
                    + ": the container did not call the wsdepends configurator's modifyHandshake");
        }
        return captured.withPathParameters(session.getPathParameters());
    }

    private Admission claimed(Admission admitted) {
        if (!admitted.claim()) {
            throw new IllegalStateException("the container opened a connection of " + runtime.description
                    + " after its upgrade was refused, so what was resolved for it is disposed already");
        }
        return admitted;
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        boolean now;
        synchronized (this) {
            if (closeSeen) {
                return;
            }
            closeSeen = true;
            boolean call = (state == State.OPEN || state == State.CLOSE_SENT) && runtime.model.onClose() != null;
            // a callback that closes the session gets @OnClose inside close(), as on Tyrus; Undertow reports a peer's
            // close on its I/O thread while a worker may still be cleaning up after its reply: then @OnClose waits
            // for the running callbacks, as the connection's cleanup does, so message-scoped cleanup comes first
            now = call && callbackThread == Thread.currentThread();
            if (call && !now) {
                pendingClose = closeReason;
            }
            if (state != State.ENDED) {
                state = State.CLOSING;
            }
        }
        try {
            if (now) {
                runtime.factory.inRequestContext(() -> close(closeReason));
            }
        } finally {
            // no dependency is disposed while a callback uses it
            if (callbacksRunning.get() == 0) {
                end();
            }
        }
    }

    private void close(CloseReason closeReason) {
        try {
            invoke(runtime.model.onClose(), null, false, NO_VALUES, null, closeReason, null);
        } catch (Throwable failure) {
            LOG.log(Level.ERROR, "@OnClose of " + runtime.description + " threw", unwrap(failure));
        }
    }

    @Override
    public void onError(Session session, Throwable thr) {
        Throwable failure = unwrap(thr);
        if (vanished(session, failure)) {
            // a peer that goes away is normal: the container reports the close, and cleanup runs then
            LOG.log(Level.DEBUG, () -> "The connection of " + runtime.description + " is gone: " + failure);
            return;
        }
        callbackStarts();
        try {
            runtime.factory.inRequestContext(() -> fail(failure));
        } finally {
            callbackDone();
        }
    }

    /**
     * Whether the container reports a connection that is already closed (late fragments after a
     * close; Tyrus even makes a new endpoint instance, never opened, to report them) or a transport
     * failure (a reset) that the endpoint's own {@code @OnError} does not take.
     */
    private boolean vanished(Session reported, Throwable failure) {
        if (this.session == null || state != State.OPENING && state != State.OPEN || !reported.isOpen()) {
            return true;
        }
        HandlerMethod onError = runtime.model.onError();
        return failure instanceof IOException && (onError == null || !onError.errorType.isInstance(failure));
    }

    private void callbackStarts() {
        callbacksRunning.incrementAndGet();
        callbackThread = Thread.currentThread();
    }

    private void callbackDone() {
        if (callbackThread == Thread.currentThread()) {
            callbackThread = null;
        }
        if (callbacksRunning.decrementAndGet() == 0 && state == State.CLOSING) {
            end();
        }
    }

    /** The connection's cleanup and the endpoint's release, exactly once. */
    void end() {
        EndpointFactory.Created created;
        synchronized (this) {
            if (state == State.ENDED) {
                return;
            }
            state = State.ENDED;
            created = endpoint;
        }
        try {
            if (expiryTask != null) {
                expiryTask.cancel(false);
            }
            CloseReason reason = pendingClose;
            if (reason != null) {
                runtime.factory.inRequestContext(() -> close(reason));
            }
            connection.close();
            if (created != null) {
                created.release();
            }
        } finally {
            runtime.ended(this);
        }
    }

    private synchronized boolean advance(State from, State to) {
        if (state != from) {
            return false;
        }
        state = to;
        return true;
    }

    /**
     * The container is shutting down: close the session, and clean up even if it never calls onClose; a running
     * callback is let return first ({@link EndpointRuntime#endRemaining} ends the connection if it does not).
     */
    void endOnShutdown() {
        try {
            if (session != null && session.isOpen()) {
                session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, SHUTTING_DOWN));
            }
        } catch (IOException | RuntimeException closeFailed) {
            LOG.log(Level.DEBUG, "closing " + runtime.description + " on shutdown failed", closeFailed);
        }
        onClose(session, new CloseReason(CloseReason.CloseCodes.GOING_AWAY, SHUTTING_DOWN));
    }

    private void fail(Throwable failure) {
        boolean handshake = state == State.OPENING;
        if (handshake) {
            connection.close();
        }
        HandlerMethod onError = runtime.model.onError();
        if (endpoint != null && onError != null && onError.errorType.isInstance(failure)) {
            try {
                callWithDependencies(onError, null, false, failure);
                return;
            } catch (Throwable fromOnError) {
                failure = unwrap(fromOnError);
            }
        }
        carryOut(runtime.exceptions.dispatch(failure, session, new ExceptionContext(
                handshake ? ExceptionContext.Phase.HANDSHAKE : ExceptionContext.Phase.MESSAGE, runtime.description)));
    }

    /** Executes the dispatcher's decision; a close runs the connection's cleanup first (FastAPI's order). */
    private void carryOut(Outcome outcome) {
        try {
            if (outcome instanceof Outcome.Frame frame) {
                if (session.isOpen()) {
                    session.getBasicRemote().sendText(frame.text());
                }
            } else if (outcome instanceof Outcome.FrameThenClose frameThenClose) {
                connection.close();
                if (session.isOpen()) {
                    session.getBasicRemote().sendText(frameThenClose.text());
                }
                closeSession(frameThenClose.code(), frameThenClose.reason());
            } else if (outcome instanceof Outcome.Close close) {
                closeAfterCleanup(close.code(), close.reason());
            }
        } catch (IOException | IllegalStateException sendFailed) {
            LOG.log(Level.DEBUG, "sending the error of " + runtime.description + " failed", sendFailed);
        }
    }

    private void closeAfterCleanup(int code, String reason) {
        connection.close();
        closeSession(code, reason);
    }

    private void closeSession(int code, String reason) {
        synchronized (this) {
            if (state == State.OPENING) {
                state = State.REFUSED;
            } else if (state == State.OPEN) {
                state = State.CLOSE_SENT;
            }
        }
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
            }
        } catch (IOException | IllegalStateException closeFailed) {
            LOG.log(Level.DEBUG, "closing " + runtime.description + " failed", closeFailed);
        }
    }

    private void deliver(HandlerMethod handler, Object payload, boolean last) {
        String tooBig = MessageCodec.tooBig(MessageSize.forHandler(runtime.maxMessageSize, handler.maxMessageSize), payload);
        if (tooBig != null) {
            closeAfterCleanup(CloseReason.CloseCodes.TOO_BIG.getCode(), tooBig);
            return;
        }
        callbackStarts();
        // no callback object per message: the request context is entered and exited here
        Object requestContext = runtime.factory.enterRequestContext();
        try {
            handle(handler, payload, last);
        } finally {
            try {
                runtime.factory.exitRequestContext(requestContext);
            } finally {
                callbackDone();
            }
        }
    }

    private void handle(HandlerMethod handler, Object payload, boolean last) {
        try {
            if (handler.roles != null) {
                handler.roles.check(identity());
            }
            Object message = runtime.codec.read(handler, payload);
            if (message == null && handler.payload == HandlerMethod.Payload.JSON) {
                return;
            }
            callWithDependencies(handler, message, last, null);
        } catch (MessageCodec.Unreadable unreadable) {
            closeAfterCleanup(unreadable.code, unreadable.getMessage());
        } catch (Throwable failure) {
            fail(unwrap(failure));
        }
    }

    /**
     * Calls a per-call handler and sends its return value. Its dependencies live in a message scope of their own,
     * destroyed after the reply was sent and before the call's errors are handled (decisions.md).
     */
    private void callWithDependencies(HandlerMethod handler, Object payload, boolean last, Throwable error) throws Throwable {
        if (handler.callDependencies.isEmpty()) {
            Object result = invoke(handler, payload, last, NO_VALUES, null, null, error);
            if (result == null) {
                return;
            }
            // nothing to clean up after this reply: sent as the container's own annotated endpoints send theirs. On
            // Tyrus the write is tried on this thread either way, and its async remote allocates 50 B more a message;
            // on Undertow only the async remote frees the worker at once, instead of parking it for the I/O thread
            if (waitsForReplies) {
                runtime.codec.send(session.getBasicRemote(), result);
            } else {
                runtime.codec.send(session.getAsyncRemote(), result, REPLY_SENT);
            }
            return;
        }
        DependencyScope message = new DependencyScope(runtime.messageScopeName);
        try {
            Object[] values = Resolution.resolve(handler.callDependencies, Scope.MESSAGE, handshake, connection, message,
                    runtime.description);
            Object result = invoke(handler, payload, last, values, null, null, error);
            if (result != null) {
                // the cleanup waits for the write on this thread, in the request context: a send's completion may run
                // on the container's I/O thread, where a disposer must not block
                runtime.codec.send(session.getBasicRemote(), result);
            }
        } finally {
            message.close();
        }
    }

    /**
     * Closes the connection with 1008 {@code Token expired} when its identity expires (a close only, no
     * frame); one scheduler serves every connection. An identity that had expired when the connection was
     * resolved was not authenticated ({@link Admission#admit}).
     */
    private void scheduleExpiry() {
        Identity identity = identity();
        Instant expiry = identity == null ? null : identity.expiresAt().orElse(null);
        if (expiry == null) {
            return;
        }
        long delay = Math.max(0, Duration.between(Instant.now(), expiry).toMillis());
        expiryTask = runtime.expiry.scheduler().schedule(() -> runtime.factory.inRequestContext(
                () -> closeAfterCleanup(1008, "Token expired")), delay, TimeUnit.MILLISECONDS);
    }

    /** @return the connection's identity, {@code null} if the endpoint's security annotations need none */
    private Identity identity() {
        int index = runtime.model.identityIndex();
        return index < 0 ? null : (Identity) connectionValues[index];
    }

    private Object invoke(HandlerMethod handler, Object payload, boolean last, Object[] callValues, EndpointConfig config,
            CloseReason closeReason, Throwable error) throws Throwable {
        return (Object) handler.invoker.invokeExact(endpoint.instance(), session, config, closeReason, error, payload, last,
                connectionValues, callValues);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void registerMessageHandlers(Session session) {
        // the deployment's limit replaces the container's default (unbounded on Undertow); a handler's
        // smaller maxMessageSize lowers it below
        session.setMaxTextMessageBufferSize(bufferSize(runtime.maxMessageSize));
        session.setMaxBinaryMessageBufferSize(bufferSize(runtime.maxMessageSize));
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
                int limit = bufferSize(MessageSize.forHandler(runtime.maxMessageSize, handler.maxMessageSize));
                if (handler.isBinary()) {
                    session.setMaxBinaryMessageBufferSize(limit);
                } else {
                    session.setMaxTextMessageBufferSize(limit);
                }
            }
        }
    }

    private static int bufferSize(long limit) {
        return (int) Math.min(Integer.MAX_VALUE, limit);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current instanceof InvocationTargetException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
