package org.wsdepends.extension;

import java.lang.reflect.Member;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.CreationException;
import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;

import org.wsdepends.core.InjectionPlan;

/**
 * The one way values wsdepends resolved reach CDI's injection (see the package description).
 *
 * <p>While CDI creates an endpoint or calls a producer on this thread, a frame holds the plan of
 * that dependant and its resolved values; the synthetic handshake beans and the wrapped producers
 * ask it for the injection point CDI is serving. Creation is synchronous, so a thread-local frame
 * cannot be seen by another connection. Frames nest: a producer called while an endpoint is created
 * hides the endpoint's frame until it returns.
 */
final class Handoff {

    private static final Object NONE = new Object();
    private static final ThreadLocal<Frame> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> RELEASING = new ThreadLocal<>();

    private Handoff() {
    }

    /**
     * Binds a dependant's values until the returned frame is closed.
     *
     * @param plan   where each value goes
     * @param values the resolved values, indexed as the plan says
     * @return the frame, to close in try-with-resources
     */
    static Frame bind(InjectionPlan plan, Object[] values) {
        Frame frame = new Frame(plan, values, CURRENT.get());
        CURRENT.set(frame);
        return frame;
    }

    /**
     * The value bound for the injection point CDI is currently serving.
     *
     * @return the value, or {@link #none()} if CDI is not injecting into a site of the innermost frame
     */
    static Object valueFor(BeanManager beanManager, CreationalContext<?> context) {
        Frame frame = CURRENT.get();
        if (frame == null) {
            return NONE;
        }
        InjectionPoint point = currentInjectionPoint(beanManager, context);
        if (point == null || point.getMember() == null) {
            return NONE;
        }
        return frame.valueFor(point.getMember(), point.getAnnotated() instanceof AnnotatedParameter<?> parameter
                ? parameter.getPosition() : InjectionPlan.FIELD);
    }

    /** @return the injection point CDI is creating a {@code @Dependent} instance for, {@code null} if none */
    static InjectionPoint currentInjectionPoint(BeanManager beanManager, CreationalContext<?> context) {
        return (InjectionPoint) beanManager.getInjectableReference(InjectionPointMetadata.INSTANCE, context);
    }

    /** @return the marker {@link #valueFor} returns when nothing is bound */
    static Object none() {
        return NONE;
    }

    /**
     * Runs a release of CDI objects during which wsdepends-managed instances must not be disposed by
     * CDI (wsdepends disposes them in its own order).
     */
    static void releasing(Runnable release) {
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
    static boolean isReleasing() {
        return RELEASING.get() != null;
    }

    /** Something CDI creates for wsdepends: an endpoint or a producer's value. */
    @FunctionalInterface
    interface Creation<T> {
        T create() throws Exception;
    }

    /**
     * Runs a CDI creation with a dependant's values bound. On failure, what CDI created for it is released
     * and the user's own exception is thrown: CDI wraps checked exceptions of constructors and producers
     * in a {@code CreationException}.
     *
     * @param plan     where each value goes
     * @param values   the resolved values
     * @param context  what CDI creates for the call
     * @param creation the creation
     * @return what it created
     * @throws Exception what the user's code threw
     */
    static <T> T create(InjectionPlan plan, Object[] values, CreationalContext<?> context, Creation<T> creation)
            throws Exception {
        try (Frame frame = bind(plan, values)) {
            return creation.create();
        } catch (CreationException failure) {
            releasing(context::release);
            Throwable cause = failure.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw cause instanceof Exception exception ? exception : failure;
        } catch (Exception | Error failure) {
            releasing(context::release);
            throw failure;
        }
    }

    /**
     * Destroys what wsdepends had CDI create: runs {@code destruction} (a disposer, {@code @PreDestroy}),
     * then releases the creational context, without letting CDI dispose wsdepends-managed instances.
     *
     * @param destruction the destruction
     * @param context     what CDI created for it, {@code null} if already released
     */
    static void destroy(Runnable destruction, CreationalContext<?> context) {
        releasing(() -> {
            try {
                destruction.run();
            } finally {
                if (context != null) {
                    context.release();
                }
            }
        });
    }

    /** One dependant's binding; closing it restores the enclosing frame. */
    static final class Frame implements AutoCloseable {
        private final InjectionPlan plan;
        private final Object[] values;
        private final Frame outer;

        private Frame(InjectionPlan plan, Object[] values, Frame outer) {
            this.plan = plan;
            this.values = values;
            this.outer = outer;
        }

        Object valueFor(Member member, int position) {
            int index = plan.indexOf(member, position);
            return index < 0 ? NONE : values[index];
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
