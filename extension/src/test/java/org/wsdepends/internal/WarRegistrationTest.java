package org.wsdepends.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.websocket.Endpoint;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import org.junit.jupiter.api.Test;
import org.wsdepends.Query;
import org.wsdepends.core.WrapPolicy;

class WarRegistrationTest {

    private static final Set<Class<?>> SCANNED = new LinkedHashSet<>(List.of(Kept.class, Filtered.class, Annotated.class));

    @ServerEndpoint("/kept")
    public static class Kept {
        @OnMessage
        public String echo(String text) {
            return text;
        }
    }

    @ServerEndpoint("/filtered")
    public static class Filtered {
        @OnMessage
        public String echo(String text) {
            return text;
        }
    }

    @ServerEndpoint("/annotated")
    public static class Annotated {
        @Inject @Query("q") String q;
    }

    /** Returns Kept, hands the wrapped ones but Filtered to wsdepends. */
    public static class HandsOver implements ServerApplicationConfig {
        @Override
        public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
            return Set.of();
        }

        @Override
        public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
            Set<Class<?>> candidates = new LinkedHashSet<>(scanned);
            candidates.remove(Filtered.class);
            Set<Class<?>> plain = WsDependsApplicationConfig.withoutWrapped(candidates);
            plain.add(Kept.class);
            return plain;
        }
    }

    /** Returns every scanned class, as many applications do. */
    public static class ReturnsAll implements ServerApplicationConfig {
        @Override
        public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
            return null;
        }

        @Override
        public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
            return scanned;
        }
    }

    /** Returns Kept only. */
    public static class KeepsOne implements ServerApplicationConfig {
        @Override
        public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
            return Set.of();
        }

        @Override
        public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
            return Set.of(Kept.class);
        }
    }

    @Test
    void withoutApplicationConfigsEveryWrappedEndpointGetsAnAdapter() {
        assertThat(WarRegistration.adapted(SCANNED, List.of(), WrapPolicy.of(true))).containsExactly(Kept.class, Filtered.class,
                Annotated.class);
        assertThat(WarRegistration.adapted(SCANNED, List.of(), WrapPolicy.of(false))).containsExactly(Annotated.class);
    }

    @Test
    void whatTheApplicationHandsOverIsWrappedWhatItReturnsOrFiltersIsNot() {
        assertThat(WarRegistration.adapted(SCANNED, List.of(HandsOver.class), WrapPolicy.of(true))).containsExactly(Annotated.class);
    }

    @Test
    void anEndpointAConfigFiltersOutGetsNoAdapter() {
        assertThat(WarRegistration.adapted(new LinkedHashSet<>(List.of(Kept.class, Filtered.class)), List.of(KeepsOne.class),
                WrapPolicy.of(true))).isEmpty();
    }

    @Test
    void anEndpointThatUsesWsDependsAndThatAConfigReturnsFailsTheDeployment() {
        assertThatThrownBy(() -> WarRegistration.adapted(SCANNED, List.of(ReturnsAll.class), WrapPolicy.of(true)))
                .hasMessageContaining("WSD-0411 class " + Annotated.class.getName() + ": uses wsdepends, but the application's"
                        + " ServerApplicationConfig [" + ReturnsAll.class.getName() + "] returns it");
    }
}
