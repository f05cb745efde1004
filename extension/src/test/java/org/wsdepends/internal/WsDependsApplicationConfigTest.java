package org.wsdepends.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import org.junit.jupiter.api.Test;
import org.wsdepends.Query;

/** The WAR-side exclusion and registration, without a container (research/containers.md §2.3). */
class WsDependsApplicationConfigTest {

    @ServerEndpoint(value = "/wrapped/{id}", subprotocols = "v1")
    public static class Wrapped {
        @Inject @Query("q") String q;
    }

    @ServerEndpoint("/plain")
    public static class Plain {
        @OnMessage
        public String echo(String text) {
            return text;
        }
    }

    @Test
    void wrappedClassesAreRemovedWithoutTouchingTheSharedScannedSet() {
        Set<Class<?>> scanned = new LinkedHashSet<>(List.of(Wrapped.class, Plain.class));
        WsDependsApplicationConfig config = new WsDependsApplicationConfig();

        assertThat(config.getAnnotatedEndpointClasses(scanned)).containsExactly(Plain.class);
        assertThat(scanned).containsExactly(Wrapped.class, Plain.class);
    }

    @Test
    void itRegistersNoAdapterItself() {
        assertThat(new WsDependsApplicationConfig().getEndpointConfigs(Set.of())).isEmpty();
    }

    @Test
    void anAdapterConfigurationHasTheWrappedPathAndSubprotocols() {
        ServerEndpointConfig adapter = WsDependsApplicationConfig.adapterConfig(Wrapped.class, () -> null);

        assertThat(adapter.getPath()).isEqualTo("/wrapped/{id}");
        assertThat(adapter.getEndpointClass()).isEqualTo(WrappedEndpoint.class);
        assertThat(adapter.getSubprotocols()).containsExactly("v1");
        assertThat(adapter.getConfigurator()).isInstanceOf(WsDependsConfigurator.class);
    }

    @Test
    void applicationConfigsCanDropTheWrappedClasses() {
        assertThat(WsDependsApplicationConfig.withoutWrapped(Set.of(Wrapped.class, Plain.class))).containsExactly(Plain.class);
    }
}
