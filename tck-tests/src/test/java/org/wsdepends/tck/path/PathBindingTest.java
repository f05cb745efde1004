package org.wsdepends.tck.path;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Min;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wsdepends.Depends;
import org.wsdepends.Path;
import org.wsdepends.embedded.WsDependsServer;
import org.wsdepends.embedded.WsTestClient;

/** @Path on fields, Jakarta's @PathParam on constructor, producer and handler parameters. */
class PathBindingTest {

    static WsDependsServer server;

    public record Item(int id) {
    }

    @ApplicationScoped
    public static class Items {
        @Produces @Depends
        Item item(@PathParam("id") @Min(1) int id) {
            return new Item(id);
        }
    }

    @ServerEndpoint("/items/{id}/{section}")
    public static class ItemEndpoint {
        @Inject @Path("section") String section;
        final int idFromConstructor;
        @Inject @Depends Item item;

        @Inject
        public ItemEndpoint(@PathParam("id") int id) {
            this.idFromConstructor = id;
        }

        public ItemEndpoint() {
            this.idFromConstructor = -1;
        }

        @OnOpen
        public void open(Session session, @PathParam("section") String fromOnOpen) throws java.io.IOException {
            session.getBasicRemote().sendText(idFromConstructor + " " + item.id() + " " + section + " " + fromOnOpen);
        }

        @OnMessage
        public String message(String text, @PathParam("id") long id, @Path("section") String pathSection) {
            return text + " " + id + " " + pathSection;
        }
    }

    @BeforeAll
    static void start() {
        server = WsDependsServer.builder().port(0).endpoints(ItemEndpoint.class).beans(Items.class).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void pathVariablesReachFieldsConstructorsProducersAndHandlers() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/items/42/specs"))) {
            assertThat(client.nextText()).isEqualTo("42 42 specs specs");
            client.sendText("m");
            assertThat(client.nextText()).isEqualTo("m 42 specs");
        }
    }

    @Test
    void invalidPathVariablesAreReportedOncePerDeclaration() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/items/zero/specs"))) {
            assertThat(client.nextText()).isEqualTo("{\"detail\":[{\"type\":\"int_parsing\",\"loc\":[\"path\",\"id\"],"
                    + "\"msg\":\"Input should be a valid integer, unable to parse string as an integer\",\"input\":\"zero\"}]}");
            assertThat(client.nextClose().code()).isEqualTo(1008);
        }
        try (WsTestClient client = WsTestClient.connect(server.uri("/items/0/specs"))) {
            assertThat(client.nextText()).isEqualTo("{\"detail\":[{\"type\":\"greater_than_equal\",\"loc\":[\"path\",\"id\"],"
                    + "\"msg\":\"Input should be greater than or equal to 1\",\"input\":\"0\",\"ctx\":{\"ge\":1}}]}");
            assertThat(client.nextClose().code()).isEqualTo(1008);
        }
    }
}
