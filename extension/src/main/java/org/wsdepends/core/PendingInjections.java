package org.wsdepends.core;

/**
 * Hands values that wsdepends resolved to the container's injection, on the current thread.
 *
 * <p>wsdepends resolves handshake values and dependencies itself (to collect every error and to
 * cache per scope), then lets CDI create the endpoint or call a producer. While that happens, a frame
 * maps each injection point (member and parameter position) to its value, and the beans that CDI
 * asks for those injection points take the value from here. Creation is synchronous, so a
 * thread-local frame cannot be seen by another connection.
 */
public final class PendingInjections {

    /** The position of a field injection point. */
    public static final int FIELD = -1;

    private static final Object NONE = new Object();
    private static final ThreadLocal<Frame> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> RELEASING = new ThreadLocal<>();

    private PendingInjections() {
    }

    /**
     * Binds values to injection points until the returned frame is closed. Frames nest: an inner
     * frame hides the outer one.
     *
     * @param members   the injection points' members ({@code Field}, {@code Constructor}, {@code Method})
     * @param positions the parameter positions, {@link #FIELD} for fields
     * @param values    the values
     * @return the frame, to close in a {@code finally} or try-with-resources
     */
    public static Frame bind(Object[] members, int[] positions, Object[] values) {
        Frame frame = new Frame(members, positions, values, CURRENT.get());
        CURRENT.set(frame);
        return frame;
    }

    /**
     * The value bound to an injection point in the innermost frame.
     *
     * @param member   the injection point's member
     * @param position the parameter position, {@link #FIELD} for a field
     * @return the value, or {@link #none()} if nothing is bound
     */
    public static Object lookup(Object member, int position) {
        Frame frame = CURRENT.get();
        if (frame == null) {
            return NONE;
        }
        for (int i = 0; i < frame.members.length; i++) {
            if (frame.positions[i] == position && member.equals(frame.members[i])) {
                return frame.values[i];
            }
        }
        return NONE;
    }

    /** @return the marker {@link #lookup} returns when nothing is bound */
    public static Object none() {
        return NONE;
    }

    /**
     * Runs a release of container objects during which wsdepends-managed instances must not be
     * disposed by the container (wsdepends disposes them in its own order).
     *
     * @param release the release
     */
    public static void releasing(Runnable release) {
        Boolean outer = RELEASING.get();
        RELEASING.set(Boolean.TRUE);
        try {
            release.run();
        } finally {
            if (outer == null) {
                RELEASING.remove();
            }
        }
    }

    /** @return whether the current thread is inside {@link #releasing} */
    public static boolean isReleasing() {
        return RELEASING.get() != null;
    }

    /** A binding of values; closing it restores the enclosing frame. */
    public static final class Frame implements AutoCloseable {
        private final Object[] members;
        private final int[] positions;
        private final Object[] values;
        private final Frame outer;

        private Frame(Object[] members, int[] positions, Object[] values, Frame outer) {
            this.members = members;
            this.positions = positions;
            this.values = values;
            this.outer = outer;
        }

        @Override
        public void close() {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }
}
