package org.wsdepends.tck.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeployedWarTest;
import org.wsdepends.tck.support.Wars;

/** CDI's request context is active in every callback, a new one each time (design §3). */
public class RequestContextTest extends DeployedWarTest {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Wars.war("context", RequestContextApp.class);
    }

    @Test
    void requestScopedBeansWorkInEveryCallbackAndLiveForOneCallback() {
        int open;
        int first;
        int second;
        try (WsTestClient client = WsTestClient.connect(uri("/request?q=1"))) {
            open = Integer.parseInt(client.nextText().substring(5));
            client.sendText("a");
            String[] ids = client.nextText().split(" ");
            assertThat(ids[0]).isEqualTo(ids[1]);
            first = Integer.parseInt(ids[0]);
            client.sendText("b");
            second = Integer.parseInt(client.nextText().split(" ")[0]);
        }
        assertThat(first).isNotEqualTo(open);
        assertThat(second).isNotEqualTo(first);
        List<String> destroyed = List.of("request bean " + open + " destroyed",
                "request bean " + first + " destroyed", "request bean " + second + " destroyed");
        // Undertow runs onClose on its I/O thread, possibly before the last message's callback has ended its request
        // context on a worker thread: wait for the close and all three ends, in any order
        List<String> events = EVENTS.await(list -> list.stream().anyMatch(e -> e.startsWith("close saw"))
                && list.containsAll(destroyed));
        assertThat(events).contains("request bean " + open + " destroyed", "request bean " + first + " destroyed",
                "request bean " + second + " destroyed");
    }

    /**
     * Regression test: when one {@code RequestContextController} served every thread, callbacks overlapping on two
     * worker threads left a request context active on one of them, and later messages on that thread got an earlier
     * message's bean (the benchmark saw 4,245 of 4,800 messages share beans).
     */
    @Test
    void concurrentMessagesEachGetARequestBeanOfTheirOwn() throws Exception {
        int connections = 16;
        int messages = 50;
        ExecutorService clients = Executors.newFixedThreadPool(connections);
        try {
            List<Future<List<String>>> replies = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                replies.add(clients.submit(() -> {
                    List<String> received = new ArrayList<>();
                    try (WsTestClient client = WsTestClient.connect(uri("/request?q=1"))) {
                        received.add(client.nextText().substring("open ".length()));
                        for (int m = 0; m < messages; m++) {
                            client.sendText("m");
                            String[] ids = client.nextText().split(" ");
                            assertThat(ids[1]).as("the bean within one callback").isEqualTo(ids[0]);
                            received.add(ids[0] + " " + ids[2]);
                        }
                    }
                    return received;
                }));
            }
            // each callback as "id thread/context" (the open's as its id alone)
            List<String> callbacks = new ArrayList<>();
            for (Future<List<String>> reply : replies) {
                callbacks.addAll(reply.get(2, TimeUnit.MINUTES));
            }
            Function<String, String> bean = callback -> callback.split(" ")[0];
            Map<String, List<String>> byBean = callbacks.stream().collect(Collectors.groupingBy(bean));
            List<String> ids = callbacks.stream().map(bean).toList();
            assertThat(ids).as("request beans seen by more than one callback (id, thread/context): %s",
                    byBean.values().stream().filter(seen -> seen.size() > 1).toList())
                    .hasSize(connections * (messages + 1)).doesNotHaveDuplicates();
        } finally {
            clients.shutdownNow();
        }
    }
}
