package org.wsdepends.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;

import org.jboss.weld.context.RequestContext;
import org.jboss.weld.context.unbound.UnboundLiteral;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.manager.api.WeldManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request context of callbacks on Weld when nobody observes its lifecycle: started on first use. */
class LazyRequestContextTest {

    static final List<String> EVENTS = new CopyOnWriteArrayList<>();
    static final AtomicInteger IDS = new AtomicInteger();
    private static WeldContainer container;
    private static LazyRequestContext lazy;
    private static RequestContextActivator activator;

    @RequestScoped
    public static class PerCallback {
        private final int id = IDS.incrementAndGet();

        public int id() {
            return id;
        }

        @PreDestroy
        void destroyed() {
            EVENTS.add("destroyed " + id);
        }
    }

    /** Adds the context as the wsdepends extension does. */
    public static class AddsTheContext implements Extension {
        void add(@Observes AfterBeanDiscovery event, BeanManager beanManager) {
            lazy = RequestContextActivator.lazyContext(beanManager);
            event.addContext(lazy);
        }
    }

    @BeforeAll
    static void start() {
        container = new Weld().disableDiscovery().addBeanClasses(PerCallback.class).addExtension(new AddsTheContext())
                .initialize();
        activator = RequestContextActivator.of(container.getBeanManager(), lazy);
    }

    @AfterAll
    static void stop() {
        container.shutdown();
    }

    @BeforeEach
    void clear() {
        EVENTS.clear();
    }

    @Test
    void isTheLazyOneWhenNobodyObservesTheLifecycle() {
        assertThat(activator.getClass().getSimpleName()).isEqualTo("Lazy");
    }

    @Test
    void aCallbackSeesAnActiveRequestContextAndEachGetsItsOwnBeans() {
        PerCallback bean = container.select(PerCallback.class).get();

        Object first = activator.enter();
        boolean active = weld().isContextActive(RequestScoped.class);
        int firstId = bean.id();
        int again = bean.id();
        activator.exit(first);
        Object second = activator.enter();
        int secondId = bean.id();
        activator.exit(second);

        assertThat(active).isTrue();
        assertThat(again).isEqualTo(firstId);
        assertThat(secondId).isNotEqualTo(firstId);
        assertThat(EVENTS).containsExactly("destroyed " + firstId, "destroyed " + secondId);
        assertThat(weld().isContextActive(RequestScoped.class)).isFalse();
        assertThat(unbound().isActive()).isFalse();
    }

    @Test
    void aCallbackThatUsesNoRequestScopedBeanStartsNothing() {
        Object token = activator.enter();
        activator.exit(token);

        assertThat(token).isNotNull();
        assertThat(EVENTS).isEmpty();
        assertThat(weld().isContextActive(RequestScoped.class)).isFalse();
    }

    @Test
    void anActiveContextIsUsedAndNestedCallbacksEndNothing() {
        PerCallback bean = container.select(PerCallback.class).get();

        Object outer = activator.enter();
        Object inner = activator.enter();
        int innerId = bean.id();
        activator.exit(inner);
        int afterInner = bean.id();
        RequestContextController controller = container.select(RequestContextController.class).get();
        boolean controllerActivated = controller.activate();
        activator.exit(outer);

        assertThat(inner).isNull();
        assertThat(afterInner).isEqualTo(innerId);
        assertThat(controllerActivated).as("a controller sees the context active").isFalse();
        assertThat(EVENTS).containsExactly("destroyed " + innerId);
    }

    /** Someone activating Weld's own context inside a callback gets it alone: never two active request contexts. */
    @Test
    void weldsOwnContextActivatedInsideACallbackServesUntilItEnds() {
        PerCallback bean = container.select(PerCallback.class).get();
        RequestContext unbound = unbound();

        Object token = activator.enter();
        unbound.activate();
        int insideId = bean.id();
        unbound.invalidate();
        unbound.deactivate();
        boolean activeAgain = weld().isContextActive(RequestScoped.class);
        int afterId = bean.id();
        activator.exit(token);

        assertThat(activeAgain).isTrue();
        assertThat(afterId).isNotEqualTo(insideId);
        assertThat(EVENTS).containsExactly("destroyed " + insideId, "destroyed " + afterId);
    }

    @Test
    void overlappingCallbacksOnTwoThreadsStayApart() throws Exception {
        PerCallback bean = container.select(PerCallback.class).get();
        CountDownLatch otherStarted = new CountDownLatch(1);
        CountDownLatch firstEnded = new CountDownLatch(1);

        Object mine = activator.enter();
        int myId = bean.id();
        CompletableFuture<int[]> other = CompletableFuture.supplyAsync(() -> {
            Object token = activator.enter();
            try {
                int id = bean.id();
                otherStarted.countDown();
                await(firstEnded);
                return new int[] {id, bean.id()};
            } finally {
                activator.exit(token);
            }
        });
        assertThat(otherStarted.await(10, TimeUnit.SECONDS)).isTrue();
        activator.exit(mine);
        firstEnded.countDown();
        int[] otherIds = other.get(10, TimeUnit.SECONDS);

        assertThat(otherIds[0]).isNotEqualTo(myId).isEqualTo(otherIds[1]);
        assertThat(EVENTS).containsExactlyInAnyOrder("destroyed " + myId, "destroyed " + otherIds[0]);
        assertThat(weld().isContextActive(RequestScoped.class)).isFalse();
    }

    /** Design §7: no allocation per message; Weld's own activation costs 232 bytes each time. */
    @Test
    void aCallbackThatUsesNoRequestScopedBeanAllocatesNothingOnceCompiled() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int calls = 100_000;
        double perCall = Double.MAX_VALUE;
        // the JIT compiler removes the iterators of Weld's isContextActive; on a busy machine it may take a few rounds
        for (int round = 0; round < 20 && perCall >= 1; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < calls; i++) {
                activator.exit(activator.enter());
            }
            perCall = (threads.getCurrentThreadAllocatedBytes() - before) / (double) calls;
        }

        assertThat(perCall).isLessThan(1);
    }

    private static WeldManager weld() {
        return (WeldManager) container.getBeanManager();
    }

    private static RequestContext unbound() {
        return container.select(RequestContext.class, UnboundLiteral.INSTANCE).get();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }
}
