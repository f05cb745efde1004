package org.wsdepends.test.samples;

import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.test.DependencyOverride;
import org.wsdepends.test.WsDependsTest;
import org.wsdepends.test.app.Calls;
import org.wsdepends.test.app.Dependencies;
import org.wsdepends.test.app.RoomEndpoint;
import org.wsdepends.test.app.User;

/** Test classes that must fail, run by {@code KitFailuresTest} through the JUnit engine, not by the build. */
public final class FailingSamples {

    private FailingSamples() {
    }

    /** Nobody produces it. */
    public static final class Nothing {
    }

    @WsDependsTest(endpoints = RoomEndpoint.class, beans = {Dependencies.class, Calls.class})
    public static class UnproducedOverride {
        @DependencyOverride
        static Nothing nothing() {
            return new Nothing();
        }

        @Test
        void neverRuns() {
        }
    }

    @WsDependsTest(endpoints = RoomEndpoint.class, beans = {Dependencies.class, Calls.class})
    public static class MisshapenOverrides {
        @DependencyOverride
        User user = new User("not static");

        @DependencyOverride
        static User user(String name) {
            return new User(name);
        }

        @Test
        void neverRuns() {
        }
    }

    @WsDependsTest(endpoints = RoomEndpoint.class, beans = {Dependencies.class, Calls.class})
    public static class WrongExpectation {
        @Test
        void expectsTheWrongWelcome(WsTestClient client) {
            client.connect("/rooms/a?token=t-ann").expectText("welcome bob");
        }
    }
}
