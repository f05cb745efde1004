package org.wsdepends.tck.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeployedWarTest;
import org.wsdepends.tck.support.Wars;

/**
 * Return values are sent in message order, also when handlers return faster than their replies are
 * written, and a message's cleanup runs after its reply was sent (decisions.md).
 */
public class ReplyOrderTest extends DeployedWarTest {

    private static final int MESSAGES = 200;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Wars.war("replies", ReplyOrderApp.class);
    }

    @Test
    void aBurstOfMessagesGetsItsRepliesInOrder() {
        String padding = "x".repeat(16 * 1024);
        try (WsTestClient client = WsTestClient.connect(uri("/burst?tag=t"))) {
            for (int i = 0; i < MESSAGES; i++) {
                client.sendText(i + ":" + padding);
            }
            List<String> replies = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                String reply = client.nextText();
                replies.add(reply.substring(0, reply.indexOf(':')));
            }
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                expected.add("t" + i);
            }
            assertThat(replies).isEqualTo(expected);
        }
    }

    @Test
    void eachMessagesCleanupRunsAfterItsReplyWasSent() {
        try (WsTestClient client = WsTestClient.connect(uri("/audited"))) {
            for (int i = 0; i < MESSAGES; i++) {
                client.sendText(Integer.toString(i));
            }
            List<String> frames = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                frames.add(client.nextText());
                frames.add(client.nextText());
                expected.add("ok " + i);
                expected.add("cleanup " + i);
            }
            assertThat(frames).isEqualTo(expected);
        }
    }
}
