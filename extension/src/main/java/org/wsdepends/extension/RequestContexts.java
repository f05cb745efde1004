package org.wsdepends.extension;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.enterprise.context.control.RequestContextController;

/**
 * Activates CDI's request context around a callback. A {@code RequestContextController} must not be
 * used by two threads at once: Weld's remembers in one field whether it activated the context, so of
 * two overlapping callbacks on different threads one never deactivated its context, and later
 * callbacks on that thread shared its request-scoped beans. Each running callback therefore borrows a
 * controller of its own from a small pool, which allocates nothing once it holds as many controllers
 * as callbacks run at the same time.
 */
final class RequestContexts {

    private static final int POOL_SIZE = 64;

    private final Supplier<RequestContextController> create;
    private final Consumer<RequestContextController> destroy;
    private final AtomicReferenceArray<RequestContextController> idle = new AtomicReferenceArray<>(POOL_SIZE);

    /**
     * @param create  makes a controller (a {@code @Dependent} bean)
     * @param destroy releases a controller the pool has no room for
     */
    RequestContexts(Supplier<RequestContextController> create, Consumer<RequestContextController> destroy) {
        this.create = create;
        this.destroy = destroy;
    }

    /**
     * Activates the request context on this thread unless it is active already.
     *
     * @return the controller that activated it, to pass to {@link #end}; {@code null} if it was active
     */
    RequestContextController begin() {
        RequestContextController controller = borrow();
        if (controller.activate()) {
            return controller;
        }
        giveBack(controller);
        return null;
    }

    /** @param activated what {@link #begin} returned on this thread */
    void end(RequestContextController activated) {
        if (activated != null) {
            try {
                activated.deactivate();
            } finally {
                giveBack(activated);
            }
        }
    }

    private RequestContextController borrow() {
        for (int i = 0; i < POOL_SIZE; i++) {
            RequestContextController controller = idle.get(i);
            if (controller != null && idle.compareAndSet(i, controller, null)) {
                return controller;
            }
        }
        return create.get();
    }

    private void giveBack(RequestContextController controller) {
        for (int i = 0; i < POOL_SIZE; i++) {
            if (idle.get(i) == null && idle.compareAndSet(i, null, controller)) {
                return;
            }
        }
        destroy.accept(controller);
    }
}
