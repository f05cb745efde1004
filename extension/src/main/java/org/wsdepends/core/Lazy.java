package org.wsdepends.core;

import java.util.function.Supplier;

/**
 * A value made on first use, then kept: the one lazy initialisation of wsdepends (CDI references
 * that cannot be had before deployment validation, JSON-B, the validator). Thread-safe; two threads
 * racing on the first use may both compute it, and one result wins, which suits values that are
 * equivalent however often they are made.
 *
 * @param <T> the value's type
 */
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<? extends T> compute;
    private volatile T value;

    /** @param compute makes the value; must not return {@code null} */
    public Lazy(Supplier<? extends T> compute) {
        this.compute = compute;
    }

    @Override
    public T get() {
        T current = value;
        if (current == null) {
            current = compute.get();
            value = current;
        }
        return current;
    }
}
