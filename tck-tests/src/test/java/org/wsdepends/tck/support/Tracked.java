package org.wsdepends.tck.support;

/**
 * A dependency whose making and cleanup the tests observe: made, it records {@code open NAME}; its producer's
 * disposer calls {@link #close()}, which records {@code close NAME}. An application extends it once per type its
 * producers make, since CDI tells dependencies apart by type.
 */
public abstract class Tracked {

    private final String name;

    /**
     * Records {@code open NAME}.
     *
     * @param name what the events call it (no line breaks)
     */
    protected Tracked(String name) {
        this.name = name;
        Events.add("open " + name);
    }

    /** Records {@code open NAME}, named by its class's simple name. */
    protected Tracked() {
        this.name = getClass().getSimpleName();
        Events.add("open " + name);
    }

    /** @return what the events call it */
    public final String name() {
        return name;
    }

    /** Records {@code close NAME}: what a disposer of this type calls. */
    public final void close() {
        Events.add("close " + name);
    }
}
