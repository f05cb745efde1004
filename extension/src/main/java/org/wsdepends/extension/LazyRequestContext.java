package org.wsdepends.extension;

import java.lang.annotation.Annotation;
import java.util.List;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.spi.AlterableContext;
import jakarta.enterprise.context.spi.Context;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;

/**
 * CDI's request context during a callback of a wrapped endpoint, on Weld, started when it is first
 * used: most callbacks touch no {@code @RequestScoped} bean, and starting Weld's context costs 232
 * bytes each time. Between {@link #begin()} and {@link #end()} this context is the active request
 * context of the thread, so {@code BeanManager.isContextActive}, Weld's interceptors and controllers
 * see a request context as before. The first look-up of a request-scoped bean activates Weld's own
 * unbound request context (through {@link RequestContextActivator}, with the lifecycle events) and
 * hands it every look-up from then on; {@link #end()} ends it, destroying the beans.
 *
 * <p>At most one request context may be active: this one counts as active only while none of Weld's
 * own is (someone else activated one inside the callback: that one serves until it ends). The
 * per-thread state is an {@code int[]}, a JDK type, so pooled container threads keep no reference to
 * the deployment's classes after it is undeployed.
 */
final class LazyRequestContext implements AlterableContext {

    private static final int IDLE = 0;
    private static final int PENDING = 1;
    private static final int STARTED = 2;

    private final ThreadLocal<int[]> state = new ThreadLocal<>();
    private RequestContextActivator.Weld weld;
    private Context[] weldContexts = {};

    /**
     * Connects the context to Weld's once the deployment is valid.
     *
     * @param weld         activates Weld's unbound request context
     * @param weldContexts Weld's own request contexts (unbound, bound, HTTP, EJB: whatever the container has)
     */
    void start(RequestContextActivator.Weld weld, List<Context> weldContexts) {
        this.weld = weld;
        this.weldContexts = weldContexts.toArray(Context[]::new);
    }

    /** Makes this the thread's request context until {@link #end()}; nothing is created yet. */
    void begin() {
        int[] current = state.get();
        if (current == null) {
            current = new int[1];
            state.set(current);
        }
        current[0] = PENDING;
    }

    /** Ends the callback's request context, destroying its beans if one was started. */
    void end() {
        int[] current = state.get();
        if (current == null) {
            return;
        }
        boolean started = current[0] == STARTED;
        current[0] = IDLE;
        if (started) {
            weld.exitStarted();
        }
    }

    @Override
    public Class<? extends Annotation> getScope() {
        return RequestScoped.class;
    }

    @Override
    public boolean isActive() {
        int[] current = state.get();
        if (current == null || current[0] != PENDING) {
            return false;
        }
        for (Context other : weldContexts) {
            if (other.isActive()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public <T> T get(Contextual<T> contextual, CreationalContext<T> creationalContext) {
        return started().get(contextual, creationalContext);
    }

    @Override
    public <T> T get(Contextual<T> contextual) {
        return started().get(contextual);
    }

    /** Nothing was created in this context while it is the active one: the first look-up starts Weld's instead. */
    @Override
    public void destroy(Contextual<?> contextual) {
        checkActive();
    }

    private void checkActive() {
        if (!isActive()) {
            throw new ContextNotActiveException("the request context of a wsdepends callback has ended");
        }
    }

    /** Starts Weld's request context in place of this one; from now on it is the thread's active one. */
    private Context started() {
        checkActive();
        state.get()[0] = STARTED;
        weld.enter();
        return weld.context();
    }

    @Override
    public String toString() {
        return "wsdepends request context started on first use";
    }
}
