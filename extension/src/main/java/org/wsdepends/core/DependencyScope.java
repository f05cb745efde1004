package org.wsdepends.core;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One instance of a dependency scope: a connection, or one message. Holds the cached instances and
 * destroys everything created in it, last created first, exactly once. Thread-safe: callbacks of one
 * connection may run on different container threads.
 */
public final class DependencyScope {

    private static final System.Logger LOG = System.getLogger("org.wsdepends");
    private static final Object ABSENT = new Object();

    private final String name;
    private Map<Dependency, Object> cache;
    private ArrayDeque<Created> created;
    private boolean closed;

    /**
     * @param name what the scope is, for log messages, e.g. {@code connection /rooms/{room}}
     */
    public DependencyScope(String name) {
        this.name = name;
    }

    synchronized Object cached(Dependency dependency) {
        if (cache == null) {
            return ABSENT;
        }
        return cache.getOrDefault(dependency, ABSENT);
    }

    static boolean isAbsent(Object value) {
        return value == ABSENT;
    }

    /**
     * Records an instance created in this scope, to be destroyed when the scope closes. If the scope
     * already closed (the connection ended while the instance was being made), it is destroyed now.
     */
    void add(Dependency dependency, Dependency.Created instance, boolean cache) {
        synchronized (this) {
            if (!closed) {
                if (created == null) {
                    created = new ArrayDeque<>(4);
                }
                created.push(new Created(dependency, instance));
                if (cache) {
                    if (this.cache == null) {
                        this.cache = new IdentityHashMap<>(4);
                    }
                    this.cache.put(dependency, instance.value());
                }
                return;
            }
        }
        destroy(new Created(dependency, instance));
    }

    /**
     * Destroys every instance created in this scope, last created first. A disposer that throws is
     * logged with the dependency's name, and the others still run. Only the first call does anything.
     *
     * @return the number of disposers that threw
     */
    public int close() {
        ArrayDeque<Created> toDestroy;
        synchronized (this) {
            if (closed) {
                return 0;
            }
            closed = true;
            toDestroy = created;
            created = null;
            cache = null;
        }
        int failures = 0;
        if (toDestroy != null) {
            for (Created instance : toDestroy) {
                if (!destroy(instance)) {
                    failures++;
                }
            }
        }
        return failures;
    }

    /** @return whether {@link #close()} was called */
    public synchronized boolean isClosed() {
        return closed;
    }

    private boolean destroy(Created instance) {
        try {
            instance.instance.destroy();
            return true;
        } catch (Throwable failure) {
            LOG.log(Level.ERROR, "The disposer of " + instance.dependency.member() + " threw while closing the " + name
                    + " scope; the other disposers still run", failure);
            return false;
        }
    }

    private record Created(Dependency dependency, Dependency.Created instance) {
    }
}
