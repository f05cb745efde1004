package org.wsdepends.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.inject.Disposes;

import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsDependsServer;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.test.app.Calls;
import org.wsdepends.test.app.Db;
import org.wsdepends.test.app.Dependencies;
import org.wsdepends.test.app.RoomEndpoint;
import org.wsdepends.test.app.User;
import org.wsdepends.test.app.Whoami;

/** FastAPI's "Testing dependencies with overrides": a fake database, and whether its cleanup ran. */
@WsDependsTest(endpoints = RoomEndpoint.class, beans = {Dependencies.class, Calls.class})
class OverrideTest {

    static final List<String> CLEANUPS = new CopyOnWriteArrayList<>();

    @DependencyOverride
    static Db fakeDb() {
        return new FakeDb();
    }

    @DependencyOverride
    static void closeFakeDb(@Disposes Db db) {
        CLEANUPS.add("closed " + db.name());
    }

    @Test
    void theOverrideServesTheConnectionAndItsMessages(WsTestClient client, WsDependsServer server) throws Exception {
        CLEANUPS.clear();
        Whoami whoami = client.connect("/rooms/a?token=t-fake").expectText("welcome fake user")
                .send("whoami").expectJson(Whoami.class);

        assertThat(whoami).isEqualTo(new Whoami("fake user", "fake"));
        // the real user producer ran on the fake database; the real database did not open
        assertThat(Calls.of(server).list()).contains("user looked up").doesNotContain("db opened");
    }

    @Test
    void theOverridesCleanupRunsAfterTheConnectionEnds(WsTestClient client) throws Exception {
        CLEANUPS.clear();
        WsTestClient room = client.connect("/rooms/a?token=t-fake").expectText("welcome fake user");
        room.send("whoami").expectJson(Whoami.class);
        // the message's own database: its cleanup runs once the reply was sent (decisions.md), so it may end after
        // the reply arrived
        awaitSize(CLEANUPS, 1);
        assertThat(CLEANUPS).containsExactly("closed fake");

        room.close(1000, "");

        awaitSize(CLEANUPS, 2);
        assertThat(CLEANUPS).containsExactly("closed fake", "closed fake");
    }

    static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + WsTestClient.DEFAULT_TIMEOUT.toNanos();
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    static final class FakeDb implements Db {
        @Override
        public Optional<User> user(String token) {
            return token.equals("t-fake") ? Optional.of(new User("fake user")) : Optional.empty();
        }

        @Override
        public String name() {
            return "fake";
        }
    }
}
