package org.wsdepends.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Inject;
import jakarta.inject.Qualifier;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import org.junit.jupiter.api.Test;
import org.wsdepends.Depends;

/** {@code WsDependsServer.Builder#override}: FastAPI's {@code app.dependency_overrides}. */
class OverrideTest {

    @Test
    void withoutAnOverrideTheProducerAndItsSubDependencyRun() throws Exception {
        try (WsDependsServer server = server().start(); WsTestClient client = WsTestClient.of(server)) {
            Recorder recorder = Recorder.of(server);

            client.connect("/db").send("hi").expectText("real (pool) same: hi").close(1000, "");

            recorder.await("db closed", 1);
            assertThat(recorder.events()).containsExactly("pool opened", "db opened", "db closed", "pool closed");
        }
    }

    @Test
    void anOverrideReplacesTheProducerOncePerConnectionAndItsSubDependencyNoLongerRuns() throws Exception {
        AtomicInteger created = new AtomicInteger();
        try (WsDependsServer server = server().override(Db.class, () -> new Db("fake " + created.incrementAndGet()))
                .start(); WsTestClient client = WsTestClient.of(server)) {
            Recorder recorder = Recorder.of(server);

            // the field and the handler parameter share the connection's one instance, as with the producer
            client.connect("/db").send("hi").expectText("fake 1 same: hi").send("again").expectText("fake 1 same: again")
                    .close(1000, "");
            client.connect("/db").send("hi").expectText("fake 2 same: hi").close(1000, "");

            assertThat(created).hasValue(2);
            assertThat(recorder.events()).isEmpty();
        }
    }

    @Test
    void anOverridesDisposerRunsOnceWhenTheConnectionEnds() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (WsDependsServer server = server()
                .override(Db.class, () -> {
                    log.add("fake opened");
                    return new Db("fake");
                }, db -> log.add("fake closed: " + db.name()))
                .start(); WsTestClient client = WsTestClient.of(server)) {
            WsTestClient connection = client.connect("/db").send("hi").expectText("fake same: hi");
            assertThat(log).containsExactly("fake opened");

            connection.close(1000, "");

            awaitSize(log, 2);
            assertThat(log).containsExactly("fake opened", "fake closed: fake");
            assertThat(Recorder.of(server).events()).isEmpty();
        }
    }

    @Test
    void aQualifierSelectsTheProducerToReplace() {
        try (WsDependsServer server = server().override(Db.class, () -> new Db("fake"), db -> { }, new Primary.Literal())
                .start(); WsTestClient client = WsTestClient.of(server)) {
            client.connect("/db").send("hi").expectText("fake same: hi");
        }
    }

    @Test
    void overridingATypeNobodyProducesFailsTheStartNamingTheType() {
        assertThatThrownBy(() -> server().override(Unproduced.class, Unproduced::new).start())
                .hasMessageContaining("Cannot override " + Unproduced.class.getName() + ": no @Produces @Depends producer")
                .hasMessageContaining("Fix: add the class declaring the producer to .beans(...)");
    }

    @Test
    void aQualifierNoProducerHasIsAnError() {
        assertThatThrownBy(() -> server().override(Db.class, () -> new Db("fake"), db -> { }, new Secondary.Literal())
                .start())
                .hasMessageContaining("Cannot override " + Db.class.getName() + " qualified @Secondary: no @Produces");
    }

    @Test
    void anAnnotationThatIsNoQualifierIsRefused() {
        assertThatThrownBy(() -> WsDependsServer.builder().override(Db.class, () -> null, db -> { },
                Override.class.getAnnotation(Retention.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a qualifier that selects among @Depends producers: @java.lang.annotation.Retention");
    }

    private static WsDependsServer.Builder server() {
        return WsDependsServer.builder().port(0).endpoints(DbEndpoint.class).beans(Dependencies.class, Recorder.class);
    }

    private static void awaitSize(List<String> log, int size) throws InterruptedException {
        long deadline = System.nanoTime() + WsTestClient.DEFAULT_TIMEOUT.toNanos();
        while (log.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    public record Db(String name) {
    }

    public record Pool(String name) {
    }

    public static final class Unproduced {
    }

    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Primary {
        final class Literal extends AnnotationLiteral<Primary> implements Primary {
        }
    }

    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Secondary {
        final class Literal extends AnnotationLiteral<Secondary> implements Secondary {
        }
    }

    @ApplicationScoped
    public static class Dependencies {
        @Inject
        Recorder recorder;

        @Produces
        @Depends
        Pool pool() {
            recorder.add("pool opened");
            return new Pool("pool");
        }

        void closePool(@Disposes @Depends Pool pool) {
            recorder.add("pool closed");
        }

        @Produces
        @Depends
        @Primary
        Db db(@Depends Pool pool) {
            recorder.add("db opened");
            return new Db("real (" + pool.name() + ")");
        }

        void closeDb(@Disposes @Depends @Primary Db db) {
            recorder.add("db closed");
        }
    }

    @ServerEndpoint("/db")
    public static class DbEndpoint {
        @Inject
        @Depends
        Db db;

        @OnMessage
        public String echo(String text, @Depends(scope = org.wsdepends.Scope.CONNECTION) Db again) {
            return db.name() + (again == db ? " same: " : " different: ") + text;
        }
    }
}
