package org.wsdepends.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.manager.api.WeldManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both ways of activating the request context, on Weld SE: Weld's own context, and the portable controller. */
class RequestContextActivatorTest {

    static final List<String> EVENTS = new CopyOnWriteArrayList<>();
    static final AtomicInteger IDS = new AtomicInteger();
    private static WeldContainer container;

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

    @BeforeAll
    static void start() {
        container = new Weld().disableDiscovery().addBeanClasses(PerCallback.class, Lifecycle.class).initialize();
    }

    @AfterAll
    static void stop() {
        container.shutdown();
    }

    @BeforeEach
    void clear() {
        EVENTS.clear();
    }

    /** Observers of the lifecycle events make Weld's context start with every callback, so the events still fire. */
    static Stream<Arguments> activators() {
        Function<BeanManager, RequestContextActivator> weld = beanManager -> RequestContextActivator.of(beanManager, null);
        Function<BeanManager, RequestContextActivator> portable = RequestContextActivator::portable;
        return Stream.of(Arguments.of("Weld", weld), Arguments.of("Portable", portable));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activators")
    void eachActivationGetsItsOwnBeansDestroyedAtItsEnd(String kind, Function<BeanManager, RequestContextActivator> of) {
        RequestContextActivator activator = of.apply(container.getBeanManager());
        assertThat(activator.getClass().getSimpleName()).isEqualTo(kind);
        PerCallback bean = container.select(PerCallback.class).get();

        Object first = activator.enter();
        int firstId = bean.id();
        activator.exit(first);
        Object second = activator.enter();
        int secondId = bean.id();
        activator.exit(second);

        assertThat(first).isNotNull();
        assertThat(secondId).isNotEqualTo(firstId);
        assertThat(EVENTS).containsSubsequence("initialized", "destroyed " + firstId, "context destroyed",
                "initialized", "destroyed " + secondId, "context destroyed");
        assertThat(((WeldManager) container.getBeanManager()).isContextActive(RequestScoped.class)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activators")
    void anActiveContextIsUsedAndLeftActive(String kind, Function<BeanManager, RequestContextActivator> of) {
        RequestContextActivator activator = of.apply(container.getBeanManager());
        PerCallback bean = container.select(PerCallback.class).get();

        Object outer = activator.enter();
        int outerId = bean.id();
        Object inner = activator.enter();
        int innerId = bean.id();
        activator.exit(inner);
        int afterInner = bean.id();
        activator.exit(outer);

        assertThat(inner).isNull();
        assertThat(innerId).isEqualTo(outerId);
        assertThat(afterInner).isEqualTo(outerId);
        assertThat(EVENTS).containsOnlyOnce("destroyed " + outerId);
    }

    /** The leak of one shared controller: overlapping callbacks on two threads must not share or leave contexts. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("activators")
    void overlappingActivationsOnTwoThreadsStayApart(String kind, Function<BeanManager, RequestContextActivator> of)
            throws Exception {
        RequestContextActivator activator = of.apply(container.getBeanManager());
        PerCallback bean = container.select(PerCallback.class).get();
        CountDownLatch otherEntered = new CountDownLatch(1);
        CountDownLatch firstExited = new CountDownLatch(1);

        Object mine = activator.enter();
        int myId = bean.id();
        CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> {
            Object token = activator.enter();
            try {
                int id = bean.id();
                otherEntered.countDown();
                await(firstExited);
                assertThat(bean.id()).isEqualTo(id);
                return id;
            } finally {
                activator.exit(token);
            }
        });
        assertThat(otherEntered.await(10, TimeUnit.SECONDS)).isTrue();
        activator.exit(mine);
        firstExited.countDown();
        int otherId = other.get(10, TimeUnit.SECONDS);

        assertThat(otherId).isNotEqualTo(myId);
        assertThat(EVENTS).contains("destroyed " + myId, "destroyed " + otherId);
        Object again = activator.enter();
        assertThat(again).as("nothing left active on this thread").isNotNull();
        activator.exit(again);
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
