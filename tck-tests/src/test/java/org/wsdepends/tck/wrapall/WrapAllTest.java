package org.wsdepends.tck.wrapall;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

import org.junit.jupiter.api.Test;
import org.wsdepends.core.WrapPolicy;
import org.wsdepends.embedded.WsDependsServer;
import org.wsdepends.embedded.WsTestClient;

/** Plain endpoints are left to the container unless org.wsdepends.wrap=all (design §3). */
class WrapAllTest {

    @RequestScoped
    public static class Counter {
        private int calls;

        int next() {
            return ++calls;
        }
    }

    /** No wsdepends annotation: a plain Jakarta endpoint. */
    @ServerEndpoint("/plain/{n}")
    public static class PlainEndpoint {
        @Inject Counter counter;

        @OnMessage
        public String message(String text, @PathParam("n") int n) {
            return text + n + " " + counter.next() + " " + getClass().getName();
        }
    }

    @Test
    void withWrapAllAPlainEndpointGetsTheRequestContextInEveryMessage() {
        System.setProperty(WrapPolicy.WRAP_PROPERTY, "all");
        try (WsDependsServer server = WsDependsServer.builder().port(0).endpoints(PlainEndpoint.class).beans(Counter.class).start();
                WsTestClient client = WsTestClient.connect(server.uri("/plain/3"))) {
            assertThat(server.beanManager().getExtension(org.wsdepends.extension.WsDependsExtension.class)
                    .wrappedEndpointClasses()).containsExactly(PlainEndpoint.class);
            client.sendText("a");
            assertThat(client.nextText()).isEqualTo("a3 1 " + PlainEndpoint.class.getName());
            client.sendText("b");
            assertThat(client.nextText()).isEqualTo("b3 1 " + PlainEndpoint.class.getName());
        } finally {
            System.clearProperty(WrapPolicy.WRAP_PROPERTY);
        }
    }

    @Test
    void withoutItThePlainEndpointIsLeftToTheContainer() {
        try (WsDependsServer server = WsDependsServer.builder().port(0).endpoints(PlainEndpoint.class).beans(Counter.class).start()) {
            assertThat(server.beanManager().getExtension(org.wsdepends.extension.WsDependsExtension.class)
                    .plainEndpointClasses()).containsExactly(PlainEndpoint.class);
            assertThat(server.beanManager().getExtension(org.wsdepends.extension.WsDependsExtension.class)
                    .wrappedEndpointClasses()).isEmpty();
        }
    }
}
