package org.wsdepends.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DependencyScopeTest {

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
    private final Logger logger = Logger.getLogger("org.wsdepends");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private boolean useParentHandlers;

    @BeforeEach
    void captureLog() {
        useParentHandlers = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false);
        logger.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        logger.removeHandler(capture);
        logger.setUseParentHandlers(useParentHandlers);
    }

    private static Dependency dependency(String name) {
        return new Dependency("com.acme.Deps#" + name, name, arguments -> {
            throw new AssertionError("not called by DependencyScope");
        });
    }

    private Dependency.Created instance(String name) {
        return Recorder.created(name, () -> log.add("destroy " + name));
    }

    private Dependency.Created throwing(String name, Throwable failure) {
        return Recorder.created(name, () -> {
            log.add("destroy " + name);
            if (failure instanceof Exception exception) {
                throw exception;
            }
            throw (Error) failure;
        });
    }

    @Test
    void closeDestroysLastCreatedFirst() {
        DependencyScope scope = new DependencyScope("connection /ws");
        scope.add(dependency("a"), instance("a"), true);
        scope.add(dependency("b"), instance("b"), false);
        scope.add(dependency("c"), instance("c"), true);

        assertThat(scope.close()).isZero();

        assertThat(log).containsExactly("destroy c", "destroy b", "destroy a");
    }

    @Test
    void closeRunsOnlyOnce() {
        DependencyScope scope = new DependencyScope("connection /ws");
        scope.add(dependency("a"), instance("a"), true);

        assertThat(scope.isClosed()).isFalse();
        scope.close();
        assertThat(scope.close()).isZero();
        scope.close();

        assertThat(scope.isClosed()).isTrue();
        assertThat(log).containsExactly("destroy a");
    }

    @Test
    void closingAnEmptyScopeDoesNothing() {
        DependencyScope scope = new DependencyScope("message");

        assertThat(scope.close()).isZero();
        assertThat(scope.isClosed()).isTrue();
        assertThat(records).isEmpty();
    }

    @Test
    void aThrowingDisposerIsLoggedAndTheOthersStillRun() {
        IllegalStateException failure = new IllegalStateException("db gone");
        DependencyScope scope = new DependencyScope("connection /rooms/{room}");
        scope.add(dependency("a"), instance("a"), true);
        scope.add(dependency("db"), throwing("db", failure), true);
        scope.add(dependency("c"), instance("c"), true);

        assertThat(scope.close()).isEqualTo(1);

        assertThat(log).containsExactly("destroy c", "destroy db", "destroy a");
        assertThat(records).hasSize(1);
        LogRecord record = records.get(0);
        assertThat(record.getLevel()).isEqualTo(Level.SEVERE);
        assertThat(record.getMessage()).isEqualTo(
                "The disposer of com.acme.Deps#db threw while closing the connection /rooms/{room} scope; the other disposers still run");
        assertThat(record.getThrown()).isSameAs(failure);
    }

    @Test
    void everyThrowingDisposerIsCountedAndLogged() {
        DependencyScope scope = new DependencyScope("message");
        scope.add(dependency("a"), throwing("a", new Exception("checked")), true);
        scope.add(dependency("b"), throwing("b", new NoClassDefFoundError("com/acme/Gone")), true);
        scope.add(dependency("c"), instance("c"), true);

        assertThat(scope.close()).isEqualTo(2);

        assertThat(log).containsExactly("destroy c", "destroy b", "destroy a");
        assertThat(records).extracting(LogRecord::getMessage).containsExactly(
                "The disposer of com.acme.Deps#b threw while closing the message scope; the other disposers still run",
                "The disposer of com.acme.Deps#a threw while closing the message scope; the other disposers still run");
    }

    @Test
    void cachedInstancesAreFoundAndUncachedOnesAreNot() {
        DependencyScope scope = new DependencyScope("connection");
        Dependency a = dependency("a");
        Dependency b = dependency("b");
        Dependency c = dependency("c");

        assertThat(DependencyScope.isAbsent(scope.cached(a))).isTrue();
        scope.add(a, instance("a-value"), true);
        scope.add(b, instance("b-value"), false);

        assertThat(scope.cached(a)).isEqualTo("a-value");
        assertThat(DependencyScope.isAbsent(scope.cached(b))).isTrue();
        assertThat(DependencyScope.isAbsent(scope.cached(c))).isTrue();
        assertThat(DependencyScope.isAbsent(null)).isFalse();
    }

    @Test
    void cacheIsByDependencyIdentity() {
        DependencyScope scope = new DependencyScope("connection");
        scope.add(dependency("a"), instance("first"), true);

        assertThat(DependencyScope.isAbsent(scope.cached(dependency("a")))).isTrue();
    }

    @Test
    void aNullValueIsCachedAsNull() {
        DependencyScope scope = new DependencyScope("connection");
        Dependency a = dependency("a");
        scope.add(a, Recorder.created(null, () -> log.add("destroy null")), true);

        assertThat(scope.cached(a)).isNull();
        assertThat(DependencyScope.isAbsent(scope.cached(a))).isFalse();
    }

    @Test
    void closingForgetsTheCache() {
        DependencyScope scope = new DependencyScope("connection");
        Dependency a = dependency("a");
        scope.add(a, instance("a"), true);

        scope.close();

        assertThat(DependencyScope.isAbsent(scope.cached(a))).isTrue();
    }

    @Test
    void addAfterCloseDestroysAtOnceAndDoesNotCache() {
        DependencyScope scope = new DependencyScope("connection");
        Dependency late = dependency("late");
        scope.close();

        scope.add(late, instance("late"), true);

        assertThat(log).containsExactly("destroy late");
        assertThat(DependencyScope.isAbsent(scope.cached(late))).isTrue();
        scope.close();
        assertThat(log).containsExactly("destroy late");
    }

    @Test
    void aThrowingDisposerAfterCloseIsLoggedNotThrown() {
        DependencyScope scope = new DependencyScope("connection /ws");
        scope.close();

        scope.add(dependency("late"), throwing("late", new RuntimeException("x")), true);

        assertThat(log).containsExactly("destroy late");
        assertThat(records).extracting(LogRecord::getMessage).containsExactly(
                "The disposer of com.acme.Deps#late threw while closing the connection /ws scope; the other disposers still run");
    }

    @Test
    void concurrentClosesDestroyEachInstanceExactlyOnce() throws Exception {
        DependencyScope scope = new DependencyScope("connection");
        AtomicInteger destroyed = new AtomicInteger();
        for (int i = 0; i < 50; i++) {
            scope.add(dependency("d" + i), Recorder.created(i, destroyed::incrementAndGet), true);
        }
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(threads.submit(() -> {
                    start.await();
                    return scope.close();
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isZero();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(destroyed).hasValue(50);
    }
}
