package org.wsdepends.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;

import org.jboss.weld.context.RequestContext;
import org.jboss.weld.context.unbound.UnboundLiteral;
import org.jboss.weld.contexts.cache.RequestScopedCache;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.manager.api.WeldManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The three ways of activating the request context, on Weld SE: started on first use (a deployment that does not
 * observe the context's lifecycle), Weld's own context for every callback (one that does), and the portable
 * controller (a container without Weld).
 */
class RequestContextActivatorTest {

    static final List<String> EVENTS = new CopyOnWriteArrayList<>();
    static final AtomicInteger IDS = new AtomicInteger();
    private static WeldContainer observing;
    private static WeldContainer plain;
    private static LazyRequestContext lazy;

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

    @ApplicationScoped
    public static class Lifecycle {
        void initialized(@Observes @Initialized(RequestScoped.class) Object payload) {
            EVENTS.add("initialized");
        }

        void destroyed(@Observes @Destroyed(RequestScoped.class) Object payload) {
            EVENTS.add("context destroyed");
        }
    }

    /** Adds the lazy context as the wsdepends extension does. */
    public static class AddsTheContext implements Extension {
        void add(@Observes AfterBeanDiscovery event, BeanManager beanManager) {
            lazy = RequestContextActivator.lazyContext(beanManager);
            event.addContext(lazy);
        }
    }

    /** One way of activating, in the container it is chosen for. */
    record Way(String kind, WeldContainer container, RequestContextActivator activator) {
        @Override
        public String toString() {
            return kind;
        }

        PerCallback bean() {
            return container.select(PerCallback.class).get();
        }

        boolean anyActive() {
            return ((WeldManager) container.getBeanManager()).isContextActive(RequestScoped.class);
        }
    }

    @BeforeAll
    static void start() {
        observing = new Weld("observing").disableDiscovery().addBeanClasses(PerCallback.class, Lifecycle.class).initialize();
        plain = new Weld("plain").disableDiscovery().addBeanClasses(PerCallback.class).addExtension(new AddsTheContext())
                .initialize();
    }

    @AfterAll
    static void stop() {
        observing.shutdown();
        plain.shutdown();
    }

    @BeforeEach
    void clear() {
        EVENTS.clear();
    }

    static Stream<Arguments> ways() {
        return Stream.of(Arguments.of(lazyWay()),
                Arguments.of(new Way("Weld", observing, RequestContextActivator.of(observing.getBeanManager(), null))),
                Arguments.of(new Way("Portable", observing, RequestContextActivator.portable(observing.getBeanManager()))));
    }

    static Stream<Arguments> weldWays() {
        return ways().limit(2);
    }

    private static Way lazyWay() {
        return new Way("Lazy", plain, RequestContextActivator.of(plain.getBeanManager(), lazy));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ways")
    void eachActivationGetsItsOwnBeansDestroyedAtItsEnd(Way way) {
        PerCallback bean = way.bean();

        Object first = way.activator().enter();
        boolean active = way.anyActive();
        int firstId = bean.id();
        int again = bean.id();
        way.activator().exit(first);
        Object second = way.activator().enter();
        int secondId = bean.id();
        way.activator().exit(second);

        assertThat(way.activator().getClass().getSimpleName()).isEqualTo(way.kind());
        assertThat(first).isNotNull();
        assertThat(active).isTrue();
        assertThat(again).isEqualTo(firstId);
        assertThat(secondId).isNotEqualTo(firstId);
        assertThat(EVENTS).containsSubsequence("destroyed " + firstId, "destroyed " + secondId);
        assertThat(way.anyActive()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ways")
    void anActiveContextIsUsedAndLeftActive(Way way) {
        PerCallback bean = way.bean();

        Object outer = way.activator().enter();
        Object inner = way.activator().enter();
        int innerId = bean.id();
        way.activator().exit(inner);
        int afterInner = bean.id();
        boolean controllerActivated = way.container().select(RequestContextController.class).get().activate();
        way.activator().exit(outer);

        assertThat(inner).isNull();
        assertThat(afterInner).isEqualTo(innerId);
        assertThat(controllerActivated).as("a controller sees the context active").isFalse();
        assertThat(EVENTS).containsOnlyOnce("destroyed " + innerId);
    }

    /**
     * A servlet container's thread may still have Weld's cache of request-scoped instances on (Weld's servlet
     * lifecycle starts it with each HTTP request, and ends it when the request ends), as Payara's threads had when
     * two connections' first messages shared a request bean: each callback must still get its own. The cache is
     * Weld's: the portable way serves containers without Weld.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("weldWays")
    void onAThreadWhoseRequestCacheIsOnEachCallbackGetsItsOwnBean(Way way) {
        PerCallback bean = way.bean();
        RequestScopedCache.beginRequest();
        try {
            Object first = way.activator().enter();
            int firstId = bean.id();
            way.activator().exit(first);
            Object second = way.activator().enter();
            int secondId = bean.id();
            way.activator().exit(second);

            assertThat(secondId).isNotEqualTo(firstId);
        } finally {
            RequestScopedCache.endRequest();
        }
    }

    /** The leak of one shared controller: overlapping callbacks on two threads must not share or leave contexts. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("ways")
    void overlappingActivationsOnTwoThreadsStayApart(Way way) throws Exception {
        PerCallback bean = way.bean();
        CountDownLatch otherEntered = new CountDownLatch(1);
        CountDownLatch firstExited = new CountDownLatch(1);

        Object mine = way.activator().enter();
        int myId = bean.id();
        CompletableFuture<int[]> other = CompletableFuture.supplyAsync(() -> {
            Object token = way.activator().enter();
            try {
                int id = bean.id();
                otherEntered.countDown();
                await(firstExited);
                return new int[] {id, bean.id()};
            } finally {
                way.activator().exit(token);
            }
        });
        assertThat(otherEntered.await(10, TimeUnit.SECONDS)).isTrue();
        way.activator().exit(mine);
        firstExited.countDown();
        int[] otherIds = other.get(10, TimeUnit.SECONDS);

        assertThat(otherIds[0]).isNotEqualTo(myId).isEqualTo(otherIds[1]);
        assertThat(EVENTS).contains("destroyed " + myId, "destroyed " + otherIds[0]);
        assertThat(way.anyActive()).as("nothing left active on this thread").isFalse();
    }

    @Test
    void whereTheLifecycleIsObservedWeldsContextStartsWithEveryCallbackAndFiresItsEvents() {
        RequestContextActivator activator = RequestContextActivator.of(observing.getBeanManager(), lazy);

        activator.exit(activator.enter());

        assertThat(activator.getClass().getSimpleName()).isEqualTo("Weld");
        assertThat(EVENTS).containsExactly("initialized", "context destroyed");
    }

    @Test
    void aCallbackThatUsesNoRequestScopedBeanStartsNothing() {
        Way way = lazyWay();

        Object token = way.activator().enter();
        way.activator().exit(token);

        assertThat(token).isNotNull();
        assertThat(EVENTS).isEmpty();
        assertThat(unbound().isActive()).isFalse();
    }

    /** Someone activating Weld's own context inside a callback gets it alone: never two active request contexts. */
    @Test
    void weldsOwnContextActivatedInsideACallbackServesUntilItEnds() {
        Way way = lazyWay();
        PerCallback bean = way.bean();
        RequestContext unbound = unbound();

        Object token = way.activator().enter();
        unbound.activate();
        int insideId = bean.id();
        unbound.invalidate();
        unbound.deactivate();
        boolean activeAgain = way.anyActive();
        int afterId = bean.id();
        way.activator().exit(token);

        assertThat(activeAgain).isTrue();
        assertThat(afterId).isNotEqualTo(insideId);
        assertThat(EVENTS).containsExactly("destroyed " + insideId, "destroyed " + afterId);
    }

    /** Design §7: no allocation per message; Weld's own activation costs 232 bytes each time. */
    @Test
    void aCallbackThatUsesNoRequestScopedBeanAllocatesNothingOnceCompiled() {
        RequestContextActivator activator = lazyWay().activator();
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

    private static RequestContext unbound() {
        return plain.select(RequestContext.class, UnboundLiteral.INSTANCE).get();
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
