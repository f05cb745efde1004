package org.wsdepends.core;

import java.lang.System.Logger.Level;
import java.util.Arrays;

/**
 * One instance of a dependency scope: a connection, or one message. Holds the cached instances and
 * destroys everything created in it, last created first, exactly once. Thread-safe: callbacks of one
 * connection may run on different container threads.
 */
public final class DependencyScope {

    private static final System.Logger LOG = System.getLogger("org.wsdepends");
    private static final Object ABSENT = new Object();

    private final String name;
    // one array, searched from the end, instead of a map and a stack: a scope holds a few instances,
    // and a connection's scope lives as long as the connection
    private Created[] created;
    private int count;
    private boolean closed;

    /**
     * @param name what the scope is, for log messages, e.g. {@code connection /rooms/{room}}
     */
    public DependencyScope(String name) {
        this.name = name;
    }

    synchronized Object cached(Dependency dependency) {
        for (int i = count - 1; i >= 0; i--) {
            if (created[i].cached && created[i].dependency == dependency) {
                return created[i].instance.value();
            }
        }
        return ABSENT;
    }

    static boolean isAbsent(Object value) {
        return value == ABSENT;
    }

    /**
     * Records an instance created in this scope, to be destroyed when the scope closes. If the scope
     * already closed (the connection ended while the instance was being made), it is destroyed now.
     */
    void add(Dependency dependency, Dependency.Created instance, boolean cache) {
        Created entry = new Created(dependency, instance, cache);
        synchronized (this) {
            if (!closed) {
                if (created == null) {
                    created = new Created[4];
                } else if (count == created.length) {
                    created = Arrays.copyOf(created, 2 * count);
                }
                created[count++] = entry;
                return;
            }
        }
        destroy(entry);
    }

    /**
     * Destroys every instance created in this scope, last created first. A disposer that throws is
     * logged with the dependency's name, and the others still run. Only the first call does anything.
     *
     * @return the number of disposers that threw
     */
    public int close() {
        Created[] toDestroy;
        int toDestroyCount;
        synchronized (this) {
            if (closed) {
                return 0;
            }
            closed = true;
            toDestroy = created;
            toDestroyCount = count;
            created = null;
            count = 0;
        }
        int failures = 0;
        for (int i = toDestroyCount - 1; i >= 0; i--) {
            if (!destroy(toDestroy[i])) {
                failures++;
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

    private record Created(Dependency dependency, Dependency.Created instance, boolean cached) {
    }
}
