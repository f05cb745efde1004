package org.wsdepends.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.wsdepends.ValidationError;
import org.wsdepends.embedded.WsDependsServer;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.test.app.Calls;
import org.wsdepends.test.app.Dependencies;
import org.wsdepends.test.app.RoomEndpoint;
import org.wsdepends.test.app.Whoami;

/** FastAPI's "Testing WebSockets": the app as it is, with its real dependencies. */
@WsDependsTest(endpoints = RoomEndpoint.class, beans = {Dependencies.class, Calls.class})
class RoomEndpointTest {

    WsDependsServer server;
    WsTestClient client;

    @Test
    void welcomesAndEchoes(WsTestClient client) {
        client.connect("/rooms/a?token=t-ann")
                .expectText("welcome ann")
                .send("hi")
                .expectText("a: ann says hi");
    }

    @Test
    void answersJson() {
        Whoami whoami = client.connect("/rooms/a?token=t-ann").expectText("welcome ann").send("whoami")
                .expectJson(Whoami.class);

        assertThat(whoami).isEqualTo(new Whoami("ann", "production"));
        assertThat(Calls.of(server).list()).contains("db opened", "user looked up");
    }

    @Test
    void closesWithThePoliciesCodeForAnUnknownToken() {
        client.connect("/rooms/a?token=nope").expectClose(1008, "Invalid token");
    }

    @Test
    void reportsAMissingTokenInAnErrorFrameThenCloses() {
        WsTestClient room = client.connect("/rooms/a");

        List<ValidationError> errors = room.expectErrorFrame();

        assertThat(errors).containsExactly(
                new ValidationError("missing", List.of("query", "token"), "Field required", null, Map.of()));
        room.expectClose(1008, "[{\"type\":\"missing\",\"loc\":[\"query\",\"token\"],\"msg\":\"Field required\","
                + "\"input\":null}]");
    }

    @Test
    void refusesAnUnknownPathBeforeTheUpgrade() {
        client.connect("/nowhere").expectHttpStatus(404);
    }

    @Test
    void theFieldAndTheParameterAreTheSameServersClients(WsDependsServer parameter, WsTestClient other) {
        assertThat(parameter).isSameAs(server);
        assertThat(other).isNotSameAs(client);
        assertThat(server.uri("/rooms/a").getHost()).isEqualTo("127.0.0.1");
    }

    @Nested
    class WithoutItsOwnAnnotation {
        @Test
        void usesTheEnclosingClassesServer(WsDependsServer nested) {
            assertThat(nested).isSameAs(server);
        }
    }
}
