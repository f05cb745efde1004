package org.wsdepends.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.control.RequestContextController;

import org.junit.jupiter.api.Test;

/** Every callback activates and ends its own thread's request context, also when callbacks overlap. */
class RequestContextsTest {

    /** The request context of each thread, as the CDI container keeps it. */
    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

    private final List<RequestContextController> created = new ArrayList<>();
    private final List<RequestContextController> destroyed = new ArrayList<>();
    private final RequestContexts contexts = new RequestContexts(this::create, destroyed::add);

    @Test
    void overlappingCallbacksOnTwoThreadsEachEndTheirContext() throws Exception {
        CountDownLatch bothActive = new CountDownLatch(2);
        CountDownLatch firstEnded = new CountDownLatch(1);
        List<Boolean> activeAfterEnd = new ArrayList<>();
        Thread first = new Thread(() -> {
            RequestContextController activated = contexts.begin();
            bothActive.countDown();
            await(bothActive);
            contexts.end(activated);
            synchronized (activeAfterEnd) {
                activeAfterEnd.add(ACTIVE.get());
            }
            firstEnded.countDown();
        });
        Thread second = new Thread(() -> {
            RequestContextController activated = contexts.begin();
            bothActive.countDown();
            await(firstEnded);
            contexts.end(activated);
            synchronized (activeAfterEnd) {
                activeAfterEnd.add(ACTIVE.get());
            }
        });
        first.start();
        second.start();
        first.join(5_000);
        second.join(5_000);

        assertThat(activeAfterEnd).containsExactly(false, false);
        assertThat(created).hasSize(2);
    }

    @Test
    void aCallbackInsideACallbackLeavesTheContextToTheOuterOne() {
        RequestContextController outer = contexts.begin();
        RequestContextController inner = contexts.begin();
        contexts.end(inner);

        assertThat(inner).isNull();
        assertThat(ACTIVE.get()).isTrue();
        contexts.end(outer);
        assertThat(ACTIVE.get()).isFalse();
    }

    @Test
    void controllersAreReusedOneCallbackAfterAnother() {
        for (int i = 0; i < 100; i++) {
            contexts.end(contexts.begin());
        }

        assertThat(created).hasSize(1);
        assertThat(destroyed).isEmpty();
    }

    private RequestContextController create() {
        RequestContextController controller = new WeldLikeController();
        synchronized (created) {
            created.add(controller);
        }
        return controller;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Weld's controller: one flag per controller says whether it activated the (thread's) context. */
    private static final class WeldLikeController implements RequestContextController {
        private final AtomicBoolean isActivator = new AtomicBoolean();

        @Override
        public boolean activate() {
            if (ACTIVE.get()) {
                return false;
            }
            ACTIVE.set(true);
            isActivator.set(true);
            return true;
        }

        @Override
        public void deactivate() {
            if (isActivator.compareAndSet(true, false)) {
                ACTIVE.set(false);
            }
        }
    }
}
