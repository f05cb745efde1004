package org.wsdepends.extension;

import java.lang.annotation.Annotation;
import java.util.List;

import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.context.spi.Context;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;

import org.jboss.weld.context.RequestContext;
import org.jboss.weld.context.api.ContextualInstance;
import org.jboss.weld.context.unbound.UnboundLiteral;
import org.jboss.weld.manager.api.WeldManager;

/**
 * Activates CDI's request context for one callback of a wrapped endpoint (design §3), unless one is
 * active on the thread already; ending it destroys the callback's {@code @RequestScoped} beans. One
 * activator serves all threads: what one activation needs is on the calling thread (Weld's contexts
 * are thread-bound) or in the token it returns, never in a field.
 *
 * <p>Three ways, the cheapest the container allows:
 * <ul>
 * <li>on Weld (WildFly, Payara, the embedded runtime), a {@link LazyRequestContext}: active during the
 * callback, it starts Weld's own request context only when a request-scoped bean is first used, so a
 * callback that uses none allocates nothing for it;</li>
 * <li>on Weld, when the deployment observes the request context's lifecycle events
 * ({@code @Initialized(RequestScoped.class)} and the others), Weld's unbound request context activated
 * for every callback and the events fired, as Weld's {@code @ActivateRequestContext} interceptor does:
 * 232 bytes per callback (Weld's bean store, its map and thread-local state), where the interceptor and
 * the callback object it needs cost 544;</li>
 * <li>elsewhere, a {@link RequestContextController} per activation through the portable API (never one
 * shared controller: a controller keeps per-activation state, so overlapping callbacks on two threads
 * would leave contexts active).</li>
 * </ul>
 */
abstract class RequestContextActivator {

    /** What {@link #enter()} returns when it activated a context. */
    private static final Object ACTIVATED = new Object();

    /**
     * The context to add to the deployment in {@code AfterBeanDiscovery}.
     *
     * @param beanManager the deployment's bean manager
     * @return the lazy request context, {@code null} if the container does not run Weld (or hides its API)
     */
    static LazyRequestContext lazyContext(BeanManager beanManager) {
        try {
            return beanManager instanceof WeldManager ? new LazyRequestContext() : null;
        } catch (LinkageError noWeldApi) {
            return null;
        }
    }

    /**
     * @param beanManager the deployment's bean manager, after deployment validation
     * @param lazy        what {@link #lazyContext} gave, {@code null} for none
     * @return the cheapest way the container allows
     */
    static RequestContextActivator of(BeanManager beanManager, LazyRequestContext lazy) {
        try {
            if (beanManager instanceof WeldManager weld) {
                Weld eager = new Weld(weld);
                if (lazy == null || eager.observed()) {
                    return eager;
                }
                List<Context> weldContexts = weld.getContexts(RequestScoped.class).stream()
                        .filter(RequestContext.class::isInstance).toList();
                if (!weldContexts.contains(eager.context())) {
                    // the lazy context must see Weld's own contexts to never be active beside one of them
                    return eager;
                }
                lazy.start(eager, weldContexts);
                return new Lazy(weld, lazy);
            }
        } catch (LinkageError noWeldApi) {
            // a container without Weld, or one that hides its API from deployments
        }
        return portable(beanManager);
    }

    /** @return the activator through {@link RequestContextController}, whatever the container */
    static RequestContextActivator portable(BeanManager beanManager) {
        return new Portable(beanManager.createInstance().select(RequestContextController.class));
    }

    /**
     * Activates the request context on this thread unless one is active.
     *
     * @return what {@link #exit} needs, {@code null} if a context was active already (nothing to end)
     */
    abstract Object enter();

    /**
     * Ends the context {@link #enter()} activated on this thread and destroys its beans.
     *
     * @param token what {@code enter()} returned; {@code null} does nothing
     */
    abstract void exit(Object token);

    /** The lazy context made the thread's request context for the callback. */
    private static final class Lazy extends RequestContextActivator {
        private final WeldManager beanManager;
        private final LazyRequestContext context;

        Lazy(WeldManager beanManager, LazyRequestContext context) {
            this.beanManager = beanManager;
            this.context = context;
        }

        @Override
        Object enter() {
            if (beanManager.isContextActive(RequestScoped.class)) {
                return null;
            }
            context.begin();
            return ACTIVATED;
        }

        @Override
        void exit(Object token) {
            if (token != null) {
                context.end();
            }
        }
    }

    /** Weld's unbound request context, activated as Weld's interceptor activates it. */
    static final class Weld extends RequestContextActivator {
        private final WeldManager beanManager;
        private final RequestContext context;
        private final Event<Object> initialized;
        private final Event<Object> beforeDestroyed;
        private final Event<Object> destroyed;

        Weld(WeldManager beanManager) {
            this.beanManager = beanManager;
            this.context = beanManager.createInstance().select(RequestContext.class, UnboundLiteral.INSTANCE).get();
            this.initialized = observed(beanManager, Initialized.Literal.REQUEST);
            this.beforeDestroyed = observed(beanManager, BeforeDestroyed.Literal.REQUEST);
            this.destroyed = observed(beanManager, Destroyed.Literal.REQUEST);
        }

        /** @return the event to fire, {@code null} if no observer would see it (firing still allocates) */
        private static Event<Object> observed(BeanManager beanManager, Annotation qualifier) {
            return beanManager.resolveObserverMethods(new Object(), qualifier).isEmpty() ? null
                    : beanManager.getEvent().select(qualifier);
        }

        /** @return whether the deployment observes the request context's lifecycle */
        boolean observed() {
            return initialized != null || beforeDestroyed != null || destroyed != null;
        }

        /** @return Weld's unbound request context */
        RequestContext context() {
            return context;
        }

        @Override
        Object enter() {
            if (beanManager.isContextActive(RequestScoped.class)) {
                return null;
            }
            context.activate();
            fire(initialized);
            return ACTIVATED;
        }

        @Override
        void exit(Object token) {
            if (token == null) {
                return;
            }
            try {
                context.invalidate();
                fire(beforeDestroyed);
                destroyOneByOne();
            } finally {
                context.deactivate();
                fire(destroyed);
            }
        }

        /**
         * While a servlet request runs on a thread, Weld's client proxies keep the request-scoped instances they
         * returned in a cache of that thread, which only the end of the servlet request, or destroying an instance
         * by itself, empties; ending the context does not. On a container thread that cache can be on during a
         * callback, and the next callback on that thread would get this one's destroyed instances (Payara: two
         * connections' first messages shared a request bean, {@code RequestContextActivatorTest} shows how).
         * Weld's public API lists the instances only as a new collection: 384 bytes more for a callback that used a
         * request-scoped bean, 120 for one that used none on Weld's way, nothing on the lazy way, which ends Weld's
         * context only when a bean was used.
         */
        private void destroyOneByOne() {
            for (ContextualInstance<?> instance : context.getAllContextualInstances()) {
                context.destroy(instance.getContextual());
            }
        }

        /** Ends what {@link #enter()} started for a {@link LazyRequestContext}. */
        void exitStarted() {
            exit(ACTIVATED);
        }

        private static void fire(Event<Object> event) {
            if (event != null) {
                event.fire(new Object());
            }
        }
    }

    /** A {@link RequestContextController} per activation; the token is that controller. */
    private static final class Portable extends RequestContextActivator {
        private final Instance<RequestContextController> controllers;

        Portable(Instance<RequestContextController> controllers) {
            this.controllers = controllers;
        }

        @Override
        Object enter() {
            RequestContextController controller = controllers.get();
            if (controller.activate()) {
                return controller;
            }
            controllers.destroy(controller);
            return null;
        }

        @Override
        void exit(Object token) {
            if (token instanceof RequestContextController controller) {
                try {
                    controller.deactivate();
                } finally {
                    controllers.destroy(controller);
                }
            }
        }
    }
}
