package org.wsdepends.test.samples;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsDependsServer;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.test.DependencyOverride;
import org.wsdepends.test.WsDependsTest;
import org.wsdepends.test.app.Calls;
import org.wsdepends.test.app.Dependencies;
import org.wsdepends.test.app.RoomEndpoint;
import org.wsdepends.test.app.User;

/**
 * Two test classes that must run at the same time (each waits for the other), each with its own override; run by
 * {@code ParallelClassesTest} through the JUnit engine in parallel mode, not by the build.
 */
public final class ParallelSamples {

    /** The server each class saw, by class. */
    public static final Map<Class<?>, WsDependsServer> SERVERS = new ConcurrentHashMap<>();
    static final CyclicBarrier BOTH_RUNNING = new CyclicBarrier(2);

    private ParallelSamples() {
    }

    /** Waits for the other class, then expects the user its class's override names (its simple name). */
    abstract static class Participant {
        @Test
        void seesItsOwnOverride(WsDependsServer server, WsTestClient client) throws Exception {
            SERVERS.put(getClass(), server);
            BOTH_RUNNING.await(20, TimeUnit.SECONDS);
            client.connect("/rooms/a").expectText("welcome " + getClass().getSimpleName().toLowerCase(Locale.ROOT));
        }
    }

    @WsDependsTest(endpoints = RoomEndpoint.class, beans = {Dependencies.class, Calls.class})
    public static class First extends Participant {
        @DependencyOverride
        static User user = new User("first");
    }

    @WsDependsTest(endpoints = RoomEndpoint.class, beans = {Dependencies.class, Calls.class})
    public static class Second extends Participant {
        @DependencyOverride
        static User user = new User("second");
    }
}
