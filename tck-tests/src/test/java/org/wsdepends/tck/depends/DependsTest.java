package org.wsdepends.tck.depends;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.depends.routed.RoutedEndpoint;
import org.wsdepends.tck.support.DeployedWarTest;
import org.wsdepends.tck.support.Wars;

/** Dependency order and caching (FastAPI test_ws_dependencies, use_cache) and message/connection scopes. */
public class DependsTest extends DeployedWarTest {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Wars.war("depends", DependsApp.class).addPackage(RoutedEndpoint.class.getPackage());
    }

    @Test
    void packageThenClassThenOwnDependenciesShareOneCachedList() {
        try (WsTestClient client = WsTestClient.connect(uri("/routed"))) {
            assertThat(client.nextText()).isEqualTo("package,class");
        }
    }

    @Test
    void oneInstancePerConnectionUnlessCachedIsFalse() {
        try (WsTestClient client = WsTestClient.connect(uri("/cache"))) {
            assertThat(client.nextText()).isEqualTo("true false");
            client.sendText("x");
            assertThat(client.nextText()).isEqualTo("true false true");
        }
    }

    @Test
    void messageScopedDependenciesAreNewForEveryMessage() {
        try (WsTestClient client = WsTestClient.connect(uri("/per-message?name=n"))) {
            client.sendText("a");
            int first = Integer.parseInt(client.nextText().split(" ")[1]);
            client.sendText("b");
            int second = Integer.parseInt(client.nextText().split(" ")[1]);
            assertThat(second).isGreaterThan(first);
        }
    }
}
