package org.wsdepends.tck.path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Min;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Depends;
import org.wsdepends.Path;

/** The application {@link PathBindingTest} deploys. */
public final class PathApp {

    private PathApp() {
    }

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

    /** Uses no wsdepends annotation: only Jakarta's @PathParam, on an @Inject constructor, which only wsdepends serves. */
    @ServerEndpoint("/rooms/{room}")
    public static class PathParamOnlyEndpoint {
        final String room;

        @Inject
        public PathParamOnlyEndpoint(@PathParam("room") String room) {
            this.room = room;
        }

        @OnOpen
        public void open(Session session) throws java.io.IOException {
            session.getBasicRemote().sendText("room " + room);
        }
    }

    /** Jakarta's @PathParam keeps its Javadoc's meaning in a wrapped endpoint: a name that is no variable gives null. */
    @ServerEndpoint("/unknown/{room}")
    public static class UnknownPathParamEndpoint {
        @Inject @Path("room") String room;

        @OnMessage
        public String echo(String text, @PathParam("nope") String nope, @PathParam("{room}") String braced) {
            return text + " " + room + " " + nope + " " + braced;
        }
    }
}
