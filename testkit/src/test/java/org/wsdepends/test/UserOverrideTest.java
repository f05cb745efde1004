package org.wsdepends.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsDependsServer;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.test.app.Calls;
import org.wsdepends.test.app.Dependencies;
import org.wsdepends.test.app.RoomEndpoint;
import org.wsdepends.test.app.User;

/** A static field overrides the user: its producer's token and database (its sub-dependencies) are no longer needed. */
@WsDependsTest(endpoints = RoomEndpoint.class, beans = {Dependencies.class, Calls.class})
class UserOverrideTest {

    @DependencyOverride
    static User tester = new User("tester");

    @Test
    void connectsWithoutAToken(WsTestClient client, WsDependsServer server) {
        client.connect("/rooms/b").expectText("welcome tester").close(1000, "");

        assertThat(Calls.of(server).list()).doesNotContain("user looked up", "db opened");
    }
}
