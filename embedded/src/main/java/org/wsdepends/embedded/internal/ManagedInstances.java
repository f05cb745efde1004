package org.wsdepends.embedded.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Unmanaged;
import jakarta.inject.Inject;

/**
 * Creates CDI-injected, non-contextual instances of classes the WebSocket container instantiates itself
 * (plain {@code @ServerEndpoint} classes, their encoders and decoders) for one embedded server, and releases
 * them again. Internal to wsdepends-embedded: not API, may change without notice.
 *
 * <p>Thread-safe. One instance belongs to one server and its {@link BeanManager}; several servers in one JVM
 * each have their own.
 */
public final class ManagedInstances {

    private static final Logger LOG = Logger.getLogger(ManagedInstances.class.getName());

    /*
     * Tyrus instantiates ComponentProviders through a service loader, without arguments, so a provider cannot be
     * handed its server. The server makes itself "current" on the thread that builds the Tyrus engine (where the
     * providers are instantiated) and on the thread running a handshake (where lazily created providers of
     * configurators are instantiated); no global registry is needed.
     */
    private static final ThreadLocal<ManagedInstances> CURRENT = new ThreadLocal<>();

    private final BeanManager beanManager;
    private final ConcurrentMap<Class<?>, Boolean> creatable = new ConcurrentHashMap<>();
    // building an Unmanaged validates the class's injection points and is the expensive part: once per class
    private final ConcurrentMap<Class<?>, Unmanaged<?>> unmanaged = new ConcurrentHashMap<>();
    // identity, not equals(): endpoint classes may override equals/hashCode
    private final Map<Object, Unmanaged.UnmanagedInstance<?>> live = new IdentityHashMap<>();
    private boolean closed;

    /**
     * Creates the instance manager of one server.
     *
     * @param beanManager the server's bean manager; not {@code null}
     * @throws NullPointerException if {@code beanManager} is {@code null}
     */
    public ManagedInstances(BeanManager beanManager) {
        this.beanManager = Objects.requireNonNull(beanManager, "beanManager");
    }

    /**
     * Runs {@code action} with {@code current} as the thread's current instance manager, restoring the previous
     * one afterwards (also when {@code action} throws).
     *
     * @param current the manager to make current; not {@code null}
     * @param action  the code to run; not {@code null}
     * @param <T>     the result type
     * @return what {@code action} returned
     */
    public static <T> T callWith(ManagedInstances current, Supplier<T> action) {
        Objects.requireNonNull(current, "current");
        ManagedInstances previous = CURRENT.get();
        CURRENT.set(current);
        try {
            return action.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /**
     * The manager made current on this thread by {@link #callWith}.
     *
     * @return the current manager, or {@code null} outside {@link #callWith}
     */
    static ManagedInstances current() {
        return CURRENT.get();
    }

    /**
     * Whether CDI can create {@code type}: a concrete, top-level or static nested class with a non-private
     * no-argument constructor or an {@code @Inject} constructor. Evaluated once per class and cached.
     *
     * @param type the class; not {@code null}
     * @return {@code true} if {@link #create} should be used for it
     */
    public boolean canCreate(Class<?> type) {
        return creatable.computeIfAbsent(type, ManagedInstances::hasUsableConstructor);
    }

    /**
     * Validates {@code type}'s injection points now rather than at the first connection, and caches what is
     * needed to create instances of it.
     *
     * @param type the class; not {@code null}
     * @throws IllegalArgumentException (or a CDI {@code DefinitionException}) if an injection point is invalid,
     *                                  for example unsatisfied
     */
    public void prepare(Class<?> type) {
        unmanagedFor(type);
    }

    /**
     * Creates an instance of {@code type}: constructor, field and initializer injection, then
     * {@code @PostConstruct}. The instance is remembered until {@link #destroy} or {@link #destroyAll}.
     *
     * @param type the class; not {@code null}
     * @param <T>  its type
     * @return the new instance, never {@code null}
     * @throws RuntimeException whatever CDI or the class's constructor or {@code @PostConstruct} throws; nothing
     *                          is remembered then
     */
    public <T> T create(Class<T> type) {
        Unmanaged.UnmanagedInstance<T> instance = unmanagedFor(type).newInstance();
        T object = instance.produce().inject().postConstruct().get();
        synchronized (live) {
            if (!closed) {
                live.put(object, instance);
                return object;
            }
        }
        // the server closed while this was being created: do not hand out an instance nobody will release
        release(object, instance);
        throw new IllegalStateException("The server is closed");
    }

    /**
     * Runs {@code @PreDestroy} of an instance created by {@link #create} and releases its {@code @Dependent}
     * dependencies. Exceptions are logged, not thrown.
     *
     * @param object the instance; may be {@code null}
     * @return {@code true} if this manager created {@code object} (and has now released it), {@code false} if
     *         it is unknown here
     */
    public boolean destroy(Object object) {
        Unmanaged.UnmanagedInstance<?> instance;
        synchronized (live) {
            instance = live.remove(object);
        }
        if (instance == null) {
            return false;
        }
        release(object, instance);
        return true;
    }

    /**
     * Releases every instance not released yet (connections that never reported their end) and refuses to
     * remember new ones. Called once when the server closes, before CDI shuts down.
     */
    public void destroyAll() {
        List<Map.Entry<Object, Unmanaged.UnmanagedInstance<?>>> left;
        synchronized (live) {
            closed = true;
            left = new ArrayList<>(live.entrySet());
            live.clear();
        }
        for (Map.Entry<Object, Unmanaged.UnmanagedInstance<?>> entry : left) {
            release(entry.getKey(), entry.getValue());
        }
    }

    @SuppressWarnings("unchecked")
    private <T> Unmanaged<T> unmanagedFor(Class<T> type) {
        return (Unmanaged<T>) unmanaged.computeIfAbsent(type, t -> new Unmanaged<>(beanManager, t));
    }

    private static void release(Object object, Unmanaged.UnmanagedInstance<?> instance) {
        try {
            instance.preDestroy().dispose();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Releasing " + object.getClass().getName() + " failed", e);
        }
    }

    private static boolean hasUsableConstructor(Class<?> type) {
        int modifiers = type.getModifiers();
        if (type.isInterface() || type.isArray() || type.isPrimitive() || Modifier.isAbstract(modifiers)
                || (type.isMemberClass() && !Modifier.isStatic(modifiers)) || type.isAnonymousClass()
                || type.isLocalClass()) {
            return false;
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (constructor.isAnnotationPresent(Inject.class)) {
                return true;
            }
            if (constructor.getParameterCount() == 0 && !Modifier.isPrivate(constructor.getModifiers())) {
                return true;
            }
        }
        return false;
    }
}
