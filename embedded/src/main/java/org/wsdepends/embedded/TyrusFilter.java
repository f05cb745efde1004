package org.wsdepends.embedded;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.websocket.CloseReason;

import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.CloseListener;
import org.glassfish.grizzly.CloseType;
import org.glassfish.grizzly.Closeable;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.http.util.HttpStatus;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.grizzly.http.util.Parameters;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.ByteBufferArray;
import org.glassfish.tyrus.container.grizzly.client.GrizzlyWriter;
import org.glassfish.tyrus.container.grizzly.client.TaskProcessor;
import org.glassfish.tyrus.core.CloseReasons;
import org.glassfish.tyrus.core.RequestContext;
import org.glassfish.tyrus.core.TyrusUpgradeResponse;
import org.glassfish.tyrus.core.Utils;
import org.glassfish.tyrus.spi.ReadHandler;
import org.glassfish.tyrus.spi.UpgradeRequest;
import org.glassfish.tyrus.spi.WebSocketEngine;
import org.wsdepends.core.Refusal;
import org.wsdepends.embedded.internal.ManagedInstances;
import org.wsdepends.internal.UpgradeGate;

/**
 * Grizzly filter that hands WebSocket upgrade requests under the context path to Tyrus's engine and, once a
 * connection is upgraded, its bytes to Tyrus's read handler; everything else goes on to the HTTP server (static
 * files, 404). Written for wsdepends because Tyrus's own filter ({@code GrizzlyServerFilter}) and its add-on
 * constructor are package-private.
 *
 * <p>It also knows every open WebSocket connection, so the server can close them with a close frame when it
 * stops.
 */
final class TyrusFilter extends BaseFilter {

    private static final Logger LOG = Logger.getLogger(TyrusFilter.class.getName());

    private static final Attribute<org.glassfish.tyrus.spi.Connection> WEBSOCKET =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(TyrusFilter.class.getName() + ".websocket");
    // Grizzly's worker-thread strategy may run two reads of one connection at once; Tyrus expects them in order
    private static final Attribute<TaskProcessor> ORDERED =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(TyrusFilter.class.getName() + ".ordered");
    private static final Attribute<FrameGuard> GUARD =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(TyrusFilter.class.getName() + ".guard");
    private static final String PASSED_ON = TyrusFilter.class.getName() + ".passedOn";
    // where Grizzly's HTTP codec keeps the request whose body it is reading: for an upgrade, the whole WebSocket
    private static final Attribute<Object> HTTP_REQUEST = Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(
            org.glassfish.grizzly.http.HttpServerFilter.HTTP_SERVER_REQUEST_ATTR_NAME);

    private final TyrusContainer container;
    private final UpgradeGate gate;
    private final String contextPrefix;
    private final ManagedInstances instances;
    private final EndpointLimits.Limit serverLimit;
    private final IdleWatch idleWatch;
    private final Map<Connection<?>, org.glassfish.tyrus.spi.Connection> open = new ConcurrentHashMap<>();
    private final ReentrantLock openLock = new ReentrantLock();
    private final Condition changed = openLock.newCondition();

    /**
     * @param container   the Tyrus container holding the engine
     * @param contextPath "" or a path starting with "/" and not ending with "/"
     * @param instances   the server's CDI instance manager, made current while a handshake runs
     * @param limits      the bounds on client input
     * @param idleWatch   closes connections that do not upgrade in time
     * @param gate        resolves handshakes of the endpoints that reject before the upgrade, {@code null} if none does
     */
    TyrusFilter(TyrusContainer container, String contextPath, ManagedInstances instances, Limits limits,
                IdleWatch idleWatch, UpgradeGate gate) {
        this.container = container;
        this.gate = gate;
        this.contextPrefix = contextPath + "/";
        this.instances = instances;
        this.serverLimit = new EndpointLimits.Limit(limits.maxMessageSize(), limits.maxMessageSize());
        this.idleWatch = idleWatch;
    }

    /**
     * The add-on that puts this filter in front of Grizzly's HTTP server filter of a listener, and the filter that
     * takes an upgraded connection's bytes in front of Grizzly's HTTP codec.
     *
     * @return the add-on
     */
    AddOn addOn() {
        return (NetworkListener listener, FilterChainBuilder builder) -> {
            int httpServer = builder.indexOfType(HttpServerFilter.class);
            int codec = builder.indexOfType(org.glassfish.grizzly.http.HttpServerFilter.class);
            if (httpServer < 0 || codec < 0) {
                throw new IllegalStateException("No HTTP server filter in the filter chain of " + listener.getName());
            }
            builder.add(httpServer, this);
            builder.add(codec, new UpgradedBytes());
        };
    }

    @Override
    public NextAction handleAccept(FilterChainContext ctx) throws IOException {
        idleWatch.opened(ctx.getConnection());
        return ctx.getInvokeAction();
    }

    @Override
    public NextAction handleWrite(FilterChainContext ctx) throws IOException {
        idleWatch.active(ctx.getConnection());
        return ctx.getInvokeAction();
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        HttpContent content = ctx.getMessage();
        Connection<?> connection = ctx.getConnection();
        org.glassfish.tyrus.spi.Connection websocket = WEBSOCKET.get(connection);
        if (websocket != null) {
            // read while the handshake completed, so it passed UpgradedBytes before the connection was upgraded
            Buffer bytes = content.getContent();
            content.recycle();
            readFrames(connection, websocket, bytes);
            return ctx.getStopAction();
        }
        idleWatch.active(connection);
        HttpHeader header = content.getHttpHeader();
        if (!header.isRequest()) {
            return ctx.getInvokeAction();
        }
        HttpRequestPacket request = (HttpRequestPacket) header;
        // later chunks of a request that was already given to the HTTP server must follow it there
        if (request.getAttribute(PASSED_ON) != null) {
            return ctx.getInvokeAction();
        }
        request.setAttribute(PASSED_ON, Boolean.TRUE);
        boolean handshake = UpgradeRequest.WEBSOCKET.equalsIgnoreCase(header.getUpgrade());
        String problem = handshake ? RequestCheck.handshakeProblem(request) : RequestCheck.httpProblem(request);
        if (problem != null) {
            badRequest(ctx, content, request, problem);
            return ctx.getStopAction();
        }
        if (!handshake) {
            if (header.isUpgrade()) {
                ignoreUpgrade(request);
            }
            return ctx.getInvokeAction();
        }
        String path = request.getRequestURI();
        if (!path.startsWith(contextPrefix)) {
            return ctx.getInvokeAction();
        }
        return ManagedInstances.callWith(instances, () -> handshake(ctx, content, request));
    }

    @Override
    public NextAction handleClose(FilterChainContext ctx) throws IOException {
        Connection<?> connection = ctx.getConnection();
        org.glassfish.tyrus.spi.Connection websocket = WEBSOCKET.get(connection);
        if (websocket != null) {
            // the peer vanished without a close handshake: the endpoint sees 1006
            ordered(connection).processTask(new Task(() -> {
                websocket.close(CloseReasons.CLOSED_ABNORMALLY.getCloseReason());
                forget(connection);
            }));
            return ctx.getStopAction();
        }
        return ctx.getInvokeAction();
    }

    /**
     * Closes every open WebSocket connection with {@code reason}: the peer gets a close frame, the endpoint's
     * {@code @OnClose} runs on the calling thread. Then waits until their TCP connections are closed.
     *
     * @param reason  the close reason sent to peers and endpoints
     * @param timeout how long to wait for the connections to go away
     * @param unit    the unit of {@code timeout}
     * @return {@code true} if all connections closed in time
     */
    boolean closeAll(CloseReason reason, long timeout, TimeUnit unit) {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        // the client may already have its 101 while @OnOpen still runs: let those handshakes finish, so their
        // endpoints get a proper close too
        awaitUntil(() -> !open.containsValue(PENDING), deadline);
        for (Map.Entry<Connection<?>, org.glassfish.tyrus.spi.Connection> entry : new ArrayList<>(open.entrySet())) {
            if (entry.getValue() == PENDING) {
                // a handshake that did not finish in time: the handshake thread sees the closed connection and
                // closes the endpoint
                entry.getKey().closeSilently();
                continue;
            }
            try {
                // Tyrus sends the close frame, calls @OnClose, releases the endpoint and closes the TCP connection
                // after the frame is written
                entry.getValue().close(reason);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Closing a WebSocket connection failed", e);
                entry.getKey().closeSilently();
            }
        }
        return awaitUntil(open::isEmpty, deadline);
    }

    private boolean awaitUntil(BooleanSupplier condition, long deadline) {
        openLock.lock();
        try {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return condition.getAsBoolean();
        } finally {
            openLock.unlock();
        }
    }

    private void signalChange() {
        openLock.lock();
        try {
            changed.signalAll();
        } finally {
            openLock.unlock();
        }
    }

    private NextAction handshake(FilterChainContext ctx, HttpContent content, HttpRequestPacket request) {
        UpgradeGate.Verdict verdict = gate == null ? null : gate.check(
                request.getRequestURI().substring(contextPrefix.length() - 1), request.getQueryString(),
                name -> values(request, name), null, role -> false);
        if (verdict instanceof UpgradeGate.Refused refused) {
            Refusal refusal = refused.refusal();
            respond(ctx, content, request, refusal.status(), "application/json", refusal.body(), refusal.headers());
            return ctx.getStopAction();
        }
        if (verdict instanceof UpgradeGate.Admitted admitted) {
            admitted.admission().upgrade(() -> upgrade(ctx, content, request) == Upgraded.ACCEPTED);
            return ctx.getStopAction();
        }
        return upgrade(ctx, content, request) == Upgraded.NOT_APPLICABLE ? ctx.getInvokeAction() : ctx.getStopAction();
    }

    private enum Upgraded { ACCEPTED, REFUSED, NOT_APPLICABLE }

    private Upgraded upgrade(FilterChainContext ctx, HttpContent content, HttpRequestPacket request) {
        RequestContext upgradeRequest = toUpgradeRequest(request);
        TyrusUpgradeResponse upgradeResponse = new TyrusUpgradeResponse();
        WebSocketEngine.UpgradeInfo upgrade = container.getWebSocketEngine().upgrade(upgradeRequest, upgradeResponse);
        switch (upgrade.getStatus()) {
            case SUCCESS:
                // a configurator may have set another status through Tyrus's API: Tyrus would still open the
                // session behind that answer (research/embedded.md #11)
                if (upgradeResponse.getStatus() != 101) {
                    refuse(ctx, content, request, upgradeResponse);
                    return Upgraded.REFUSED;
                }
                accept(ctx, request, upgradeResponse, upgrade);
                return Upgraded.ACCEPTED;
            case HANDSHAKE_FAILED:
                refuse(ctx, content, request, upgradeResponse);
                return Upgraded.REFUSED;
            case NOT_APPLICABLE:
            default:
                return Upgraded.NOT_APPLICABLE;
        }
    }

    private static List<String> values(HttpRequestPacket request, String name) {
        List<String> values = new ArrayList<>(1);
        request.getHeaders().values(name).forEach(values::add);
        return values;
    }

    private void accept(FilterChainContext ctx, HttpRequestPacket request, TyrusUpgradeResponse upgradeResponse,
                        WebSocketEngine.UpgradeInfo upgrade) {
        Connection<?> connection = ctx.getConnection();
        idleWatch.upgraded(connection);
        writeResponse(ctx, request, upgradeResponse);
        // before createConnection: it runs @OnOpen, which may close the connection at once
        open.put(connection, PENDING);
        ORDERED.set(connection, new TaskProcessor());
        CloseListener<Closeable, CloseType> onClosed = (closeable, type) -> {
            org.glassfish.tyrus.spi.Connection websocket = WEBSOCKET.get(connection);
            if (websocket != null) {
                websocket.close(CloseReasons.GOING_AWAY.getCloseReason());
            }
            forget(connection);
        };
        connection.addCloseListener(onClosed);
        org.glassfish.tyrus.spi.Connection websocket;
        EndpointLimits.reset();
        try {
            websocket = upgrade.createConnection(new GrizzlyWriter(connection), reason -> connection.closeSilently());
        } catch (RuntimeException e) {
            forget(connection);
            connection.closeSilently();
            throw e;
        }
        GUARD.set(connection, new FrameGuard(EndpointLimits.opened(serverLimit)));
        WEBSOCKET.set(connection, websocket);
        // from now on UpgradedBytes takes the connection's bytes before the codec would add them to the upgrade
        // request's body: the request, its headers and its buffer need not live as long as the WebSocket
        HTTP_REQUEST.remove(connection);
        if (open.replace(connection, PENDING, websocket)) {
            signalChange();
        }
        if (!connection.isOpen()) {
            // closed while @OnOpen ran (by the endpoint, the peer or the server stopping): make sure the endpoint
            // hears of it; a no-op if Tyrus already closed it
            websocket.close(CloseReasons.GOING_AWAY.getCloseReason());
            forget(connection);
        }
    }

    private static void refuse(FilterChainContext ctx, HttpContent content, HttpRequestPacket request,
                               TyrusUpgradeResponse upgradeResponse) {
        // a complete answer without a body, then close: without a length the JDK client waits for a body until its
        // timeout (research/embedded.md #11), and the HTTP server, which owns keep-alive, never saw the request
        HttpResponsePacket response = request.getResponse();
        response.setContentLength(0);
        response.setHeader(Header.Connection, "close");
        // what Tyrus added for a 101 does not belong in a refusal
        upgradeResponse.getHeaders().keySet().removeIf(name -> name.equalsIgnoreCase("Upgrade")
                || name.equalsIgnoreCase("Connection") || name.equalsIgnoreCase("Sec-WebSocket-Accept"));
        writeResponse(ctx, request, upgradeResponse);
        content.recycle();
        ctx.getConnection().closeSilently();
    }

    /** Refuses a request that breaks HTTP's or the handshake's rules, saying which in a text body. */
    private static void badRequest(FilterChainContext ctx, HttpContent content, HttpRequestPacket request,
                                   String problem) {
        respond(ctx, content, request, HttpStatus.BAD_REQUEST_400.getStatusCode(), "text/plain;charset=UTF-8",
                problem + "\n", List.of());
    }

    /** Answers a request that is not upgraded with a complete response, then closes the connection. */
    private static void respond(FilterChainContext ctx, HttpContent content, HttpRequestPacket request, int status,
                                String contentType, String text, List<Map.Entry<String, String>> headers) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        // Grizzly writes no Content-Type for an upgrade request otherwise (see ignoreUpgrade)
        request.setIgnoreContentModifiers(false);
        HttpResponsePacket response = request.getResponse();
        response.setProtocol(Protocol.HTTP_1_1);
        response.setStatus(HttpStatus.getHttpStatus(status));
        if (status == 422) {
            // Grizzly knows no phrase for it and would send "CUSTOM"; RFC 9110's name
            response.setReasonPhrase("Unprocessable Content");
        }
        for (Map.Entry<String, String> header : headers) {
            response.addHeader(header.getKey(), header.getValue());
        }
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.setHeader(Header.Connection, "close");
        ctx.write(HttpContent.builder(response).content(Buffers.wrap(ctx.getMemoryManager(), body)).last(true)
                .build());
        content.recycle();
        ctx.getConnection().closeSilently();
    }

    /**
     * Treats a request asking for another protocol (the JDK HTTP client asks every http:// request to upgrade to
     * {@code h2c}) as the plain HTTP/1.1 request it also is, as RFC 9110 allows. Grizzly 4.0.2 would otherwise
     * answer it without {@code Content-Type} (Grizzly issue #2192). It still closes the connection after the
     * response: it decided that while parsing the request, before this filter runs.
     */
    private static void ignoreUpgrade(HttpRequestPacket request) {
        request.getUpgradeDC().recycle();
        request.getHeaders().removeHeader(Header.Upgrade);
        request.setIgnoreContentModifiers(false);
    }

    private static void readFrames(Connection<?> connection, org.glassfish.tyrus.spi.Connection websocket,
                                   Buffer buffer) {
        if (!buffer.hasRemaining()) {
            return;
        }
        FrameGuard guard = GUARD.get(connection);
        if (guard == null) {
            // forgotten concurrently: the connection is closing
            return;
        }
        TaskProcessor ordered = ordered(connection);
        // the guard reads the bytes in the order they are queued for Tyrus, also if two reads overlap
        synchronized (guard) {
            if (!buffer.isComposite()) {
                inspect(guard, buffer.toByteBuffer(), websocket, ordered);
                return;
            }
            ByteBufferArray parts = buffer.toByteBufferArray();
            try {
                ByteBuffer[] array = parts.getArray();
                for (int i = 0; i < parts.size(); i++) {
                    inspect(guard, array[i], websocket, ordered);
                }
            } finally {
                parts.recycle();
            }
        }
    }

    /** Hands the frames that pass the guard to Tyrus, in order; closes the connection at the first that fails. */
    private static void inspect(FrameGuard guard, ByteBuffer bytes, org.glassfish.tyrus.spi.Connection websocket,
                                TaskProcessor ordered) {
        if (guard.verdict() != null) {
            return;
        }
        ReadHandler reader = websocket.getReadHandler();
        for (ByteBuffer part : guard.inspect(bytes)) {
            ordered.processTask(new Task(() -> reader.handle(part)));
        }
        CloseReason verdict = guard.verdict();
        if (verdict != null) {
            ordered.processTask(new Task(() -> websocket.close(verdict)));
        }
    }

    private void forget(Connection<?> connection) {
        WEBSOCKET.remove(connection);
        ORDERED.remove(connection);
        GUARD.remove(connection);
        if (open.remove(connection) != null) {
            signalChange();
        }
    }

    private static TaskProcessor ordered(Connection<?> connection) {
        TaskProcessor processor = ORDERED.get(connection);
        // only null if the connection was forgotten concurrently: run the task directly then
        return processor != null ? processor : new TaskProcessor();
    }

    private static void writeResponse(FilterChainContext ctx, HttpRequestPacket request,
                                      TyrusUpgradeResponse upgradeResponse) {
        HttpResponsePacket response = request.getResponse();
        response.setProtocol(Protocol.HTTP_1_1);
        response.setStatus(upgradeResponse.getStatus());
        if (upgradeResponse.getReasonPhrase() != null) {
            response.setReasonPhrase(upgradeResponse.getReasonPhrase());
        }
        for (Map.Entry<String, List<String>> header : upgradeResponse.getHeaders().entrySet()) {
            response.setHeader(header.getKey(), Utils.getHeaderFromList(header.getValue()));
        }
        ctx.write(HttpContent.builder(response).build());
    }

    private RequestContext toUpgradeRequest(HttpRequestPacket request) {
        Parameters query = new Parameters();
        query.setQuery(request.getQueryStringDC());
        query.setQueryStringEncoding(StandardCharsets.UTF_8);
        Map<String, String[]> parameters = new HashMap<>();
        for (String name : query.getParameterNames()) {
            parameters.put(name, query.getParameterValues(name));
        }
        String serverAddress = request.getLocalHost() != null ? request.getLocalHost() : request.getLocalAddress();
        RequestContext upgradeRequest = RequestContext.Builder.create()
                .requestURI(URI.create(request.getRequestURI()))
                .queryString(request.getQueryString())
                .parameterMap(parameters)
                .secure(request.isSecure())
                .remoteAddr(request.getRemoteAddress())
                .serverAddr(serverAddress)
                .serverPort(request.getLocalPort())
                .tyrusProperties(container.getProperties())
                .build();
        // the same header splitting as Tyrus's own Grizzly container, so endpoints see what they see there
        Map<String, List<String>> headers = upgradeRequest.getHeaders();
        MimeHeaders fields = request.getHeaders();
        for (int i = 0; i < fields.size(); i++) {
            headers.computeIfAbsent(fields.getName(i).toString(), n -> new ArrayList<>())
                    .addAll(Utils.parseHeaderValue(fields.getValue(i).toString().trim()));
        }
        return upgradeRequest;
    }

    /** Marks a connection whose handshake is being completed; replaced by the Tyrus connection after it. */
    private static final org.glassfish.tyrus.spi.Connection PENDING = new org.glassfish.tyrus.spi.Connection() {
        @Override
        public ReadHandler getReadHandler() {
            return data -> { };
        }

        @Override
        public org.glassfish.tyrus.spi.Writer getWriter() {
            return null;
        }

        @Override
        public CloseListener getCloseListener() {
            return reason -> { };
        }

        @Override
        public void close(CloseReason reason) {
            // never called: closeAll closes the TCP connection of a pending handshake instead
        }
    };

    /**
     * Hands an upgraded connection's bytes to Tyrus before Grizzly's HTTP codec sees them, so that the codec
     * neither wraps every read in HTTP content nor keeps the upgrade request for the connection's life.
     */
    private static final class UpgradedBytes extends BaseFilter {
        @Override
        public NextAction handleRead(FilterChainContext ctx) {
            Connection<?> connection = ctx.getConnection();
            org.glassfish.tyrus.spi.Connection websocket = WEBSOCKET.get(connection);
            if (websocket == null) {
                return ctx.getInvokeAction();
            }
            readFrames(connection, websocket, ctx.getMessage());
            return ctx.getStopAction();
        }
    }

    private static final class Task extends TaskProcessor.Task {
        private final Runnable action;

        Task(Runnable action) {
            this.action = action;
        }

        @Override
        public void execute() {
            action.run();
        }
    }
}
