package org.wsdepends.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.net.BindException;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Qualifier;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import org.glassfish.grizzly.http.server.CLStaticHttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.StaticHttpHandler;
import org.glassfish.grizzly.http.server.StaticHttpHandlerBase;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.nio.transport.TCPNIOTransportBuilder;
import org.glassfish.grizzly.strategies.WorkerThreadIOStrategy;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.hibernate.validator.cdi.ValidationExtension;
import org.jboss.weld.bootstrap.spi.BeanDiscoveryMode;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.wsdepends.Depends;
import org.wsdepends.embedded.internal.ManagedInstances;
import org.wsdepends.core.MessageSize;
import org.wsdepends.core.Settings;
import org.wsdepends.extension.WsDependsExtension;
import org.wsdepends.internal.EndpointRegistry;
import org.wsdepends.internal.UpgradeGate;

/**
 * An embedded WebSocket server running wsdepends endpoints: Tyrus on a Grizzly HTTP server, with Weld SE as the
 * CDI container, the wsdepends extension, Bean Validation (Hibernate Validator, {@code Validator} injectable) and
 * JSON-B (Yasson). Meant for tests and demos; production deployments are WAR files on an application server.
 *
 * <pre>{@code
 * try (WsDependsServer server = WsDependsServer.builder()
 *         .port(0)
 *         .endpoints(ChatEndpoint.class)
 *         .beans(Dependencies.class)
 *         .start()) {
 *     URI uri = server.uri("/rooms/a");   // ws://127.0.0.1:<port>/rooms/a
 *     ...
 * }
 * }</pre>
 *
 * <p>The server binds one address, by default the loopback address {@code 127.0.0.1}, so it is not reachable
 * from other machines unless {@link Builder#host(String)} says otherwise. CDI sees exactly the classes given to
 * {@link Builder#endpoints} and {@link Builder#beans} (no class path scanning); every one of them is a bean.
 * Plain endpoints, which wsdepends leaves to Tyrus, still get CDI injection, {@code @PostConstruct} and
 * {@code @PreDestroy} (one instance per connection, released when the connection ends).
 *
 * <p>Client input is bounded (docs/limits.md): broken handshakes get a 400 before any upgrade, frames that break
 * RFC 6455 a close with 1002, messages over {@link Builder#maxMessageSize(long)} (16 MiB by default) a close with
 * 1009 as soon as a frame header announces them, and connections that never upgrade are closed after
 * {@link Builder#headerReadTimeout(Duration)} or {@link Builder#idleTimeout(Duration)}.
 *
 * <p>Grizzly's threads are daemon threads: a {@code main} method that should keep serving must block, with
 * {@link #join()}. Several servers may run in one JVM, one after another or at the same time; each has its own
 * CDI container.
 *
 * <p>Thread-safe.
 */
public final class WsDependsServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WsDependsServer.class.getName());
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final long CLOSE_WAIT_MILLIS = 3_000;

    private final String name;
    private final String uriHost;
    private final String contextPath;
    private final WeldContainer weld;
    private final ManagedInstances instances;
    private final TyrusContainer tyrus;
    private final TyrusFilter filter;
    private final IdleWatch idleWatch;
    private final NetworkListener listener;
    private final HttpServer http;
    private final int port;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile Thread closer;
    private volatile Thread shutdownHook;

    private WsDependsServer(String name, String host, String contextPath, WeldContainer weld,
                            ManagedInstances instances, TyrusContainer tyrus, TyrusFilter filter,
                            IdleWatch idleWatch, NetworkListener listener, HttpServer http) {
        this.name = name;
        this.uriHost = uriHost(host);
        this.contextPath = contextPath;
        this.weld = weld;
        this.instances = instances;
        this.tyrus = tyrus;
        this.filter = filter;
        this.idleWatch = idleWatch;
        this.listener = listener;
        this.http = http;
        this.port = listener.getPort();
    }

    /**
     * Starts describing a server. Nothing happens until {@link Builder#start()}.
     *
     * @return a new builder with the defaults: port 8080, host {@code 127.0.0.1}, context path "/", no endpoints,
     *         no beans, no static resources, no shutdown hook
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The port the server listens on: the one given to {@link Builder#port(int)}, or the one the operating system
     * chose for port 0. Still answers after {@link #close()}.
     *
     * @return the port, between 1 and 65535
     */
    public int port() {
        return port;
    }

    /**
     * The WebSocket URI of {@code path} on this server: {@code ws://<host>:<port><context path><path>}. The host is
     * the bound address ({@code 127.0.0.1} when bound to all IPv4 addresses). The path is used as written, so
     * query strings are allowed and must already be percent-encoded.
     *
     * @param path the path below the context path, starting with "/" (for example {@code "/rooms/a?token=t"}),
     *             or "" for the context path itself; not {@code null}
     * @return the URI
     * @throws IllegalArgumentException if {@code path} does not start with "/" or is not a valid URI path
     * @throws NullPointerException     if {@code path} is {@code null}
     */
    public URI uri(String path) {
        return uri("ws", path);
    }

    /**
     * The HTTP URI of {@code path} on this server: {@code http://<host>:<port><context path><path>}, for static
     * resources. Same rules as {@link #uri(String)}.
     *
     * @param path the path below the context path, starting with "/", or ""; not {@code null}
     * @return the URI
     * @throws IllegalArgumentException if {@code path} does not start with "/" or is not a valid URI path
     * @throws NullPointerException     if {@code path} is {@code null}
     */
    public URI httpUri(String path) {
        return uri("http", path);
    }

    /**
     * The bean manager of this server's CDI container, for looking up beans in tests. Using it after
     * {@link #close()} fails with the CDI container's exception.
     *
     * @return the bean manager, never {@code null}
     */
    public BeanManager beanManager() {
        return weld.getBeanManager();
    }

    /**
     * Stops the server: stops accepting connections, closes every open WebSocket connection with close code 1001
     * (Going Away), which runs the endpoints' {@code @OnClose} and releases their dependencies, waits up to three
     * seconds for the close frames to be written, stops Grizzly and Tyrus, then shuts CDI down.
     *
     * <p>Idempotent: a later call does nothing but wait until the first one finished (unless it comes from the
     * thread running the first, for example from an {@code @OnClose} method, which returns at once). Problems
     * while stopping are logged, not thrown. May be called from any thread.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            if (Thread.currentThread() != closer) {
                awaitUninterruptibly();
            }
            return;
        }
        closer = Thread.currentThread();
        long started = System.nanoTime();
        try {
            step("stop accepting connections", () -> listener.getTransport().unbindAll());
            step("close WebSocket connections", () -> {
                boolean closed = filter.closeAll(
                        new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "Server shutting down"),
                        CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (!closed) {
                    LOG.warning(() -> name + ": WebSocket connections still open after " + CLOSE_WAIT_MILLIS
                            + " ms; closing them abruptly");
                }
            });
            step("stop Tyrus", tyrus::stop);
            step("stop Grizzly", http::shutdownNow);
            step("stop the idle watch", idleWatch::close);
            step("release endpoint instances", instances::destroyAll);
            step("shut CDI down", weld::shutdown);
            removeShutdownHook();
            LOG.info(() -> name + " stopped in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
                    + " ms");
        } finally {
            terminated.countDown();
        }
    }

    /**
     * Blocks until {@link #close()} has finished, for a {@code main} method that should keep the server running
     * (Grizzly's threads do not keep the JVM alive). Combine with {@link Builder#stopOnShutdown(boolean)} so
     * Ctrl-C closes the server cleanly.
     *
     * @throws InterruptedException if the waiting thread is interrupted; the server keeps running
     */
    public void join() throws InterruptedException {
        terminated.await();
    }

    /**
     * Waits at most {@code timeout} for {@link #close()} to finish.
     *
     * @param timeout how long to wait; not {@code null}; zero or negative only checks
     * @return {@code true} if the server is closed, {@code false} if the time ran out first
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The server's name, which prefixes its thread names; for tests. */
    String name() {
        return name;
    }

    /**
     * A description for logs: the server's name, its HTTP URI and whether it is closed.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return name + "[" + httpUri("/") + (closing.get() ? ", closed" : "") + "]";
    }

    private URI uri(String scheme, String path) {
        Objects.requireNonNull(path, "path");
        if (!path.isEmpty() && !path.startsWith("/")) {
            throw new IllegalArgumentException("The path must start with \"/\": \"" + path + "\"");
        }
        return URI.create(scheme + "://" + uriHost + ":" + port + contextPath + path);
    }

    private void awaitUninterruptibly() {
        boolean interrupted = false;
        while (true) {
            try {
                terminated.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void step(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException | Error e) {
            // later steps must still run: each releases threads or sockets of its own
            LOG.log(Level.WARNING, name + ": failed to " + what, e);
        }
    }

    private void installShutdownHook() {
        Thread hook = new Thread(this::close, name + "-shutdown");
        shutdownHook = hook;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private void removeShutdownHook() {
        Thread hook = shutdownHook;
        if (hook == null || Thread.currentThread() == hook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook will find the server closed
        }
    }

    private static String uriHost(String host) {
        if (host.equals("0.0.0.0")) {
            return "127.0.0.1";
        }
        if (host.equals("::") || host.equals("0:0:0:0:0:0:0:0")) {
            return "[::1]";
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /**
     * Describes a server and starts it. Each setter checks its argument at once and throws
     * {@link IllegalArgumentException} (or {@link NullPointerException} for {@code null}) for an invalid one;
     * everything else happens in {@link #start()}. Not thread-safe; one builder may start several servers one
     * after another (they then need different ports).
     */
    public static final class Builder {

        private int port = 8080;
        private String host = "127.0.0.1";
        private String contextPath = "";
        private final Set<Class<?>> endpoints = new LinkedHashSet<>();
        private final Set<Class<?>> beans = new LinkedHashSet<>();
        private final List<StaticMount> staticMounts = new ArrayList<>();
        private boolean stopOnShutdown;
        private Long maxMessageSize;
        private Duration headerReadTimeout;
        private Duration idleTimeout;
        private final Map<String, String> settings = new HashMap<>();

        private Builder() {
        }

        /**
         * The TCP port to listen on. Default 8080.
         *
         * @param port 0 to let the operating system choose a free port (see {@link WsDependsServer#port()}), or
         *             1 to 65535
         * @return this builder
         * @throws IllegalArgumentException if {@code port} is outside 0 to 65535
         */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("The port must be between 0 (any free port) and 65535: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The address to bind. Default {@code 127.0.0.1}: only this machine can connect. Use {@code 0.0.0.0} to
         * accept connections from other machines (then secure the endpoints). Resolved when the server starts.
         *
         * @param host an IP address or a host name of this machine; not {@code null} or blank
         * @return this builder
         * @throws IllegalArgumentException if {@code host} is blank
         */
        public Builder host(String host) {
            Objects.requireNonNull(host, "host");
            if (host.isBlank()) {
                throw new IllegalArgumentException("The host must not be blank");
            }
            this.host = host.strip();
            return this;
        }

        /**
         * The context path under which endpoints and static resources are served, like a WAR's. Default "/".
         * A trailing "/" is ignored: {@code "/app/"} is {@code "/app"}.
         *
         * @param contextPath "/" or a path starting with "/"; not {@code null}
         * @return this builder
         * @throws IllegalArgumentException if the path does not start with "/" or contains "?", "#", "//",
         *                                  "..", "{" or whitespace
         */
        public Builder contextPath(String contextPath) {
            this.contextPath = normalizePath("context path", contextPath);
            return this;
        }

        /**
         * Adds {@code @ServerEndpoint} classes. Each becomes a CDI bean too. wsdepends wraps those that use its
         * annotations; Tyrus serves the others itself, with CDI injection. Calls add up.
         *
         * @param endpointClasses the endpoint classes; not {@code null}, no {@code null} elements
         * @return this builder
         * @throws IllegalArgumentException if a class is not annotated {@code @ServerEndpoint}
         */
        public Builder endpoints(Class<?>... endpointClasses) {
            for (Class<?> type : endpointClasses) {
                Objects.requireNonNull(type, "endpoint class");
                if (!type.isAnnotationPresent(ServerEndpoint.class)) {
                    throw new IllegalArgumentException(type.getName() + " is not annotated @ServerEndpoint: "
                            + "pass endpoint classes to endpoints(...) and other CDI beans to beans(...)");
                }
                endpoints.add(type);
            }
            return this;
        }

        /**
         * Adds CDI bean classes: producers of dependencies, exception handlers, converters, anything endpoints
         * inject. Only the classes given here and to {@link #endpoints} are beans (no class path scanning); each
         * is a bean whether or not it has a bean-defining annotation ({@code @Dependent} by default). Calls add up.
         *
         * @param beanClasses the classes; not {@code null}, no {@code null} elements
         * @return this builder
         */
        public Builder beans(Class<?>... beanClasses) {
            for (Class<?> type : beanClasses) {
                beans.add(Objects.requireNonNull(type, "bean class"));
            }
            return this;
        }

        /**
         * Serves the files of a class path folder at {@code urlPath} (below the context path); a request for a
         * folder serves its {@code index.html}. WebSocket upgrade requests still reach the endpoints, also at the
         * same paths. The class loader is the calling thread's context class loader (this module's if none).
         * Paths containing ".." are refused.
         *
         * @param urlPath         where to serve them, for example "/" or "/assets"; not {@code null}
         * @param classpathFolder the folder on the class path, for example {@code "static"} or
         *                        {@code "META-INF/resources"}; not {@code null}, not the class path root
         * @return this builder
         * @throws IllegalArgumentException if {@code urlPath} is not a valid path or {@code classpathFolder} is
         *                                  empty (that would publish every class)
         */
        public Builder staticResources(String urlPath, String classpathFolder) {
            Objects.requireNonNull(classpathFolder, "classpathFolder");
            String folder = classpathFolder.strip();
            while (folder.startsWith("/")) {
                folder = folder.substring(1);
            }
            while (folder.endsWith("/")) {
                folder = folder.substring(0, folder.length() - 1);
            }
            if (folder.isEmpty()) {
                throw new IllegalArgumentException("Serving the class path root would publish every class and "
                        + "resource: name a folder, for example \"static\"");
            }
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            ClassLoader classLoader = loader != null ? loader : WsDependsServer.class.getClassLoader();
            String docRoot = folder + "/";
            staticMounts.add(new StaticMount(normalizePath("static resource path", urlPath),
                    () -> new CLStaticHttpHandler(classLoader, docRoot)));
            return this;
        }

        /**
         * Serves the files of a directory at {@code urlPath} (below the context path); a request for a folder
         * serves its {@code index.html}. Files are read on every request (no caching), so edits show at once.
         *
         * @param urlPath   where to serve them, for example "/"; not {@code null}
         * @param directory an existing directory; not {@code null}
         * @return this builder
         * @throws IllegalArgumentException if {@code urlPath} is not a valid path or {@code directory} is not a
         *                                  directory
         */
        public Builder staticResources(String urlPath, Path directory) {
            Objects.requireNonNull(directory, "directory");
            if (!Files.isDirectory(directory)) {
                throw new IllegalArgumentException("Not a directory: " + directory.toAbsolutePath());
            }
            String root = directory.toAbsolutePath().normalize().toString();
            staticMounts.add(new StaticMount(normalizePath("static resource path", urlPath),
                    () -> new StaticHttpHandler(root)));
            return this;
        }

        /**
         * Whether to close the server from a JVM shutdown hook, so Ctrl-C or {@code System.exit} close open
         * connections and run cleanup. Default {@code false}. The hook is removed when the server is closed
         * otherwise.
         *
         * @param stopOnShutdown {@code true} to install the hook
         * @return this builder
         */
        public Builder stopOnShutdown(boolean stopOnShutdown) {
            this.stopOnShutdown = stopOnShutdown;
            return this;
        }

        private final List<DependencyOverrides.Replacement> overrides = new ArrayList<>();

        /**
         * Replaces the {@code @Produces @Depends} producer of {@code type} with {@code replacement}, for tests: FastAPI's
         * {@code app.dependency_overrides[get_db] = fake_db}. Every injection point that would get the producer's
         * instance gets one from {@code replacement} instead, created and cached as the original would be
         * (once per connection or message scope). The original producer, its disposer and its parameters (its
         * sub-dependencies) no longer run. The class declaring the original producer must still be among the
         * {@link #beans beans}. A later override of the same type and qualifiers replaces an earlier one.
         *
         * @param type        the type the producer method returns or the producer field has (its exact class)
         * @param replacement called once per instance the producer would have made; not {@code null}
         * @param <T>         the type
         * @return this builder
         * @throws NullPointerException if an argument is {@code null}; {@link #start()} fails with a CDI definition
         *                              error naming the type if no producer of {@code type} is among the beans
         */
        public <T> Builder override(Class<T> type, Supplier<? extends T> replacement) {
            return override(type, replacement, instance -> { });
        }

        /**
         * Like {@link #override(Class, Supplier)}, with a disposer run where the original's would have run (after
         * the connection or message ends, in wsdepends' cleanup order): the code after FastAPI's {@code yield}.
         *
         * @param type        the type the producer method returns or the producer field has (its exact class)
         * @param replacement called once per instance the producer would have made; not {@code null}
         * @param disposer    called with each instance when it is released; not {@code null}
         * @param qualifiers  select among producers of {@code type}: only those carrying all of these qualifiers
         *                    (besides {@code @Depends}) are replaced; none: every producer of {@code type}
         * @param <T>         the type
         * @return this builder
         * @throws IllegalArgumentException if a qualifier is no qualifier annotation, or is {@code @Depends}
         */
        @SuppressWarnings("unchecked")
        public <T> Builder override(Class<T> type, Supplier<? extends T> replacement, Consumer<? super T> disposer,
                                    Annotation... qualifiers) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(replacement, "replacement");
            Objects.requireNonNull(disposer, "disposer");
            Set<Annotation> selected = new LinkedHashSet<>();
            for (Annotation qualifier : qualifiers) {
                Class<? extends Annotation> kind = Objects.requireNonNull(qualifier, "qualifier").annotationType();
                if (kind == Depends.class || !kind.isAnnotationPresent(Qualifier.class)) {
                    throw new IllegalArgumentException("Not a qualifier that selects among @Depends producers: @"
                            + kind.getName() + ". Fix: pass only qualifier annotations (meta-annotated "
                            + "@jakarta.inject.Qualifier) other than @Depends, which every such producer has");
                }
                selected.add(qualifier);
            }
            overrides.removeIf(existing -> existing.type() == type && existing.qualifiers().equals(selected));
            overrides.add(new DependencyOverrides.Replacement(type, Set.copyOf(selected), replacement,
                    (Consumer<Object>) disposer));
            return this;
        }

        /**
         * The largest WebSocket message a client may send, in bytes, summed over its fragments; a frame whose
         * header announces more is answered at once with close code 1009 (Too Big), before its payload is read.
         * Applies to every endpoint; an endpoint's smaller {@code @OnMessage(maxMessageSize)} still applies to it.
         * Default: the setting {@code org.wsdepends.max-message-size}, else 16 MiB (docs/limits.md).
         *
         * @param bytes 1 to 2147483633
         * @return this builder
         * @throws IllegalArgumentException if {@code bytes} is outside that range
         */
        public Builder maxMessageSize(long bytes) {
            if (bytes < 1 || bytes > MessageSize.CEILING) {
                throw new IllegalArgumentException("The maximal message size must be between 1 and "
                        + MessageSize.CEILING + " bytes: " + bytes);
            }
            this.maxMessageSize = bytes;
            // the wrapped endpoints' adapter checks whole messages against the same setting
            settings.put(Settings.PREFIX + MessageSize.KEY, Long.toString(bytes));
            return this;
        }

        /**
         * How long a new connection may take to send its first complete request header; a slower one is closed
         * without an answer. Default: the setting {@code org.wsdepends.header-read-timeout}, else 10 seconds.
         *
         * @param timeout a positive duration; not {@code null}
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is zero or negative
         */
        public Builder headerReadTimeout(Duration timeout) {
            this.headerReadTimeout = positive("header-read timeout", timeout);
            return this;
        }

        /**
         * How long a connection that has not upgraded to WebSocket (one serving static files, or one that only
         * connected) may stay quiet after its last request or response before it is closed. WebSocket connections
         * are never closed for being idle. Default: the setting {@code org.wsdepends.idle-timeout}, else 30
         * seconds.
         *
         * @param timeout a positive duration; not {@code null}
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is zero or negative
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = positive("idle timeout", timeout);
            return this;
        }

        /**
         * Wraps every endpoint, as {@code org.wsdepends.wrap=all} does in a WAR (default: only those that use a
         * wsdepends annotation).
         *
         * @param all whether to wrap every endpoint
         * @return this builder
         */
        public Builder wrapAll(boolean all) {
            settings.put("org.wsdepends.wrap", all ? "all" : "annotated");
            return this;
        }

        /**
         * Refuses browsers from other origins before the upgrade ({@code org.wsdepends.allowed-origins}; default: any).
         *
         * @param origins {@code scheme://host[:port]} each
         * @return this builder
         */
        public Builder allowedOrigins(String... origins) {
            settings.put("org.wsdepends.allowed-origins", String.join(",", origins));
            return this;
        }

        /**
         * Answers failed handshakes with an HTTP status and a JSON body before the upgrade, instead of accepting them,
         * sending the error frame and closing with 1008 ({@code org.wsdepends.reject=http}; default {@code close}).
         * An endpoint's {@code @RejectBeforeUpgrade} wins over it.
         *
         * @param reject whether endpoints reject before the upgrade unless they say otherwise
         * @return this builder
         */
        public Builder rejectBeforeUpgrade(boolean reject) {
            settings.put("org.wsdepends.reject", reject ? "http" : "close");
            return this;
        }

        /**
         * The deepest nesting of a typed JSON message ({@code org.wsdepends.max-json-depth}; default 64); deeper
         * closes with 1009.
         *
         * @param depth at least 1
         * @return this builder
         */
        public Builder maxJsonDepth(int depth) {
            settings.put("org.wsdepends.max-json-depth", Integer.toString(depth));
            return this;
        }

        /**
         * The longest number literal of a typed JSON message ({@code org.wsdepends.max-json-number-length};
         * default 100); longer closes with 1009.
         *
         * @param length at least 1
         * @return this builder
         */
        public Builder maxJsonNumberLength(int length) {
            settings.put("org.wsdepends.max-json-number-length", Integer.toString(length));
            return this;
        }

        private static Duration positive(String what, Duration timeout) {
            Objects.requireNonNull(timeout, what);
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("The " + what + " must be positive: " + timeout);
            }
            return timeout;
        }

        /**
         * Starts the server: boots CDI with the endpoint and bean classes and the extensions, registers the
         * endpoints with Tyrus, binds the port. Returns when the server accepts connections. Whatever it throws,
         * nothing of the server is left running: CDI is shut down and the port is free.
         *
         * @return the running server; close it
         * @throws ServerStartException if an {@code org.wsdepends.*} setting is invalid, the port is in use, the
         *                              host cannot be bound, or Tyrus refuses an endpoint (for example two
         *                              endpoints at one path)
         * @throws RuntimeException     the CDI container's deployment or definition exception if CDI refuses the
         *                              classes (for example an unsatisfied {@code @Inject}, or a wsdepends
         *                              deployment error), unwrapped
         */
        public WsDependsServer start() {
            return WsDependsServer.start(this);
        }

        private static String normalizePath(String what, String path) {
            Objects.requireNonNull(path, what);
            String p = path.strip();
            if (!p.startsWith("/")) {
                throw new IllegalArgumentException("The " + what + " must start with \"/\": \"" + path + "\"");
            }
            if (p.contains("?") || p.contains("#") || p.contains("//") || p.contains("..") || p.contains("{")
                    || p.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("Invalid " + what + ": \"" + path + "\"");
            }
            while (p.endsWith("/")) {
                p = p.substring(0, p.length() - 1);
            }
            return p;
        }
    }

    /** A static resource mount; the handler is made per server start. */
    private record StaticMount(String path, Supplier<StaticHttpHandlerBase> handler) {
    }

    private static WsDependsServer start(Builder builder) {
        long started = System.nanoTime();
        long number = SEQUENCE.incrementAndGet();
        String name = "wsdepends-" + number;
        WeldContainer weld = null;
        ManagedInstances instances = null;
        TyrusContainer tyrus = null;
        HttpServer http = null;
        IdleWatch idleWatch = null;
        Limits limits = limits(builder);
        try {
            weld = startCdi(builder, name + "-" + UUID.randomUUID());
            BeanManager beanManager = weld.getBeanManager();
            instances = new ManagedInstances(beanManager);

            NetworkListener listener = new NetworkListener(name, builder.host, builder.port);
            listener.setTransport(transport(name));
            // WebSocket connections stay "idle" for HTTP: Grizzly's default keep-alive timeout would cut them
            listener.getKeepAlive().setIdleTimeoutInSeconds(-1);

            tyrus = new TyrusContainer(builder.contextPath, Collections.emptyMap(), instances, listener::getPort,
                    limits.incomingBufferSize(), new EndpointLimits(builder.endpoints, limits.maxMessageSize()));
            registerEndpoints(builder, beanManager.getExtension(WsDependsExtension.class).registry(), tyrus, instances);
            tyrus.deploy();

            idleWatch = new IdleWatch(name, limits.headerReadTimeout(), limits.idleTimeout());
            UpgradeGate gate = beanManager.getExtension(WsDependsExtension.class).registry().upgradeGate();
            TyrusFilter filter = new TyrusFilter(tyrus, builder.contextPath, instances, limits, idleWatch,
                    gate.isEmpty() ? null : gate);
            listener.registerAddOn(filter.addOn());
            http = new HttpServer();
            http.getServerConfiguration().setName(name);
            http.addListener(listener);
            for (StaticMount mount : builder.staticMounts) {
                StaticHttpHandlerBase handler = mount.handler().get();
                handler.setFileCacheEnabled(false);
                String mountPath = builder.contextPath + mount.path();
                http.getServerConfiguration().addHttpHandler(handler,
                        HttpHandlerRegistration.builder().contextPath(mountPath).urlPattern("/").build());
            }
            bind(http, builder);

            WsDependsServer server = new WsDependsServer(name, builder.host, builder.contextPath, weld, instances,
                    tyrus, filter, idleWatch, listener, http);
            if (builder.stopOnShutdown) {
                server.installShutdownHook();
            }
            LOG.info(() -> name + " started on " + server.httpUri("/") + " in "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
            return server;
        } catch (RuntimeException | Error e) {
            abort(weld, instances, tyrus, http, idleWatch, e);
            throw e;
        } catch (DeploymentException e) {
            abort(weld, instances, tyrus, http, idleWatch, e);
            throw new ServerStartException("Tyrus refused the WebSocket endpoints: " + e.getMessage(), e);
        }
    }

    private static Limits limits(Builder builder) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = context != null ? context : WsDependsServer.class.getClassLoader();
        try {
            // the builder's values come first: no servlet context parameters here
            return Limits.resolve(Settings.of(key -> null, loader), builder.maxMessageSize, builder.headerReadTimeout,
                    builder.idleTimeout);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new ServerStartException(e.getMessage(), e);
        }
    }

    private static WeldContainer startCdi(Builder builder, String containerId) {
        Set<Class<?>> classes = new LinkedHashSet<>(builder.endpoints);
        classes.addAll(builder.beans);
        Weld weld = new Weld(containerId)
                .disableDiscovery()
                // with the default (annotated) mode Weld drops classes without a bean-defining annotation, and
                // @ServerEndpoint is none: the extension would never see the endpoints
                .setBeanDiscoveryMode(BeanDiscoveryMode.ALL)
                .skipShutdownHook()
                .addExtension(new WsDependsExtension(Map.copyOf(builder.settings)::get))
                .addExtension(new ValidationExtension())
                .addExtension(new DependencyOverrides(builder.overrides));
        if (classes.isEmpty()) {
            // Weld refuses a deployment without classes and without beans.xml
            classes.add(NoBeans.class);
        }
        weld.addBeanClasses(classes.toArray(Class<?>[]::new));
        return weld.initialize();
    }

    private static void registerEndpoints(Builder builder, EndpointRegistry registry, TyrusContainer tyrus,
                                          ManagedInstances instances) throws DeploymentException {
        Set<ServerEndpointConfig> wrapped = registry.wrappedEndpointConfigs();
        Set<Class<?>> wrappedClasses = registry.wrappedEndpointClasses();
        Set<Class<?>> plain = new LinkedHashSet<>(registry.plainEndpointClasses());
        for (Class<?> endpoint : builder.endpoints) {
            if (!plain.contains(endpoint) && !wrappedClasses.contains(endpoint) && !isWrapped(endpoint, wrapped)) {
                // the registry did not report it (it may not know it): let Tyrus serve it as it is
                plain.add(endpoint);
            }
        }
        for (ServerEndpointConfig config : wrapped) {
            tyrus.addEndpoint(config);
        }
        for (Class<?> endpoint : plain) {
            if (instances.canCreate(endpoint)) {
                // fail now, not at the first connection, if CDI cannot inject it
                instances.prepare(endpoint);
            }
            tyrus.addEndpoint(endpoint);
        }
    }

    private static boolean isWrapped(Class<?> endpoint, Set<ServerEndpointConfig> wrapped) {
        String path = endpoint.getAnnotation(ServerEndpoint.class).value();
        for (ServerEndpointConfig config : wrapped) {
            // the adapter config may name the adapter class rather than the user's; the path is unique either way
            if (config.getEndpointClass() == endpoint || config.getPath().equals(path)) {
                return true;
            }
        }
        return false;
    }

    private static TCPNIOTransport transport(String name) {
        int cores = Runtime.getRuntime().availableProcessors();
        // a fixed pool that is not tiny on small machines: endpoint callbacks may block (research/embedded.md #16)
        int workers = Math.max(8, 2 * cores);
        ThreadPoolConfig workerPool = ThreadPoolConfig.defaultConfig().copy()
                .setPoolName(name + "-worker")
                .setCorePoolSize(workers)
                .setMaxPoolSize(workers)
                .setQueueLimit(-1)
                .setDaemon(true);
        int selectors = Math.max(1, Math.min(cores, 4));
        ThreadPoolConfig selectorPool = ThreadPoolConfig.defaultConfig().copy()
                .setPoolName(name + "-selector")
                .setCorePoolSize(selectors)
                .setMaxPoolSize(selectors)
                .setDaemon(true);
        return TCPNIOTransportBuilder.newInstance()
                .setName(name)
                .setSelectorRunnersCount(selectors)
                .setSelectorThreadPoolConfig(selectorPool)
                .setWorkerThreadPoolConfig(workerPool)
                // endpoint callbacks run on workers, never on the selector threads
                .setIOStrategy(WorkerThreadIOStrategy.getInstance())
                .build();
    }

    private static void bind(HttpServer http, Builder builder) {
        try {
            http.start();
        } catch (BindException e) {
            String message = String.valueOf(e.getMessage());
            if (message.toLowerCase(Locale.ROOT).contains("in use")) {
                throw new ServerStartException("Port " + builder.port + " on " + builder.host + " is already in "
                        + "use: stop the other process or choose another port with .port(...) (0 picks a free one)",
                        e);
            }
            throw new ServerStartException("Cannot listen on " + builder.host + ":" + builder.port + " (" + message
                    + "): use an address of this machine with .host(...) (the default 127.0.0.1 always works)", e);
        } catch (UnresolvedAddressException e) {
            throw new ServerStartException("Cannot resolve the host \"" + builder.host + "\": use an IP address "
                    + "or a host name of this machine with .host(...) (the default is 127.0.0.1)", e);
        } catch (IOException e) {
            throw new ServerStartException("Cannot listen on " + builder.host + ":" + builder.port + ": "
                    + e.getMessage(), e);
        }
    }

    private static void abort(WeldContainer weld, ManagedInstances instances, TyrusContainer tyrus,
                              HttpServer http, IdleWatch idleWatch, Throwable failure) {
        // each in its own try: whatever fails, the others still release their threads and sockets
        List<Runnable> steps = new ArrayList<>();
        if (http != null) {
            steps.add(http::shutdownNow);
        }
        if (idleWatch != null) {
            steps.add(idleWatch::close);
        }
        if (tyrus != null) {
            steps.add(tyrus::stop);
        }
        if (instances != null) {
            steps.add(instances::destroyAll);
        }
        if (weld != null) {
            steps.add(() -> {
                if (weld.isRunning()) {
                    weld.shutdown();
                }
            });
        }
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException | Error e) {
                failure.addSuppressed(e);
            }
        }
    }

    /** The one bean of a server started without classes: Weld refuses an empty synthetic archive. */
    static final class NoBeans {
    }
}
