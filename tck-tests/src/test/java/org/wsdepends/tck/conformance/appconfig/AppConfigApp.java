package org.wsdepends.tck.conformance.appconfig;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Endpoint;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import org.wsdepends.internal.WsDependsApplicationConfig;

/**
 * The application {@link AppConfigTest} deploys with {@code wrap=all}: three plain endpoints and a
 * {@code ServerApplicationConfig} of its own ({@link Config}, in {@code WEB-INF/classes} or in a {@code WEB-INF/lib}
 * jar) that hands {@link Handed} to wsdepends, returns {@link Returned} to the container and filters
 * {@link Filtered} out.
 */
public final class AppConfigApp {

    private AppConfigApp() {
    }

    @RequestScoped
    public static class Counter {
        private int calls;

        int next() {
            return ++calls;
        }
    }

    /** wsdepends activates a request context for every message, so the counter starts at 1 each time. */
    @ServerEndpoint("/handed")
    public static class Handed {
        @Inject Counter counter;

        @OnMessage
        public String message(String text) {
            return text + " " + counter.next();
        }
    }

    @ServerEndpoint("/returned")
    public static class Returned {
        @OnMessage
        public String message(String text) {
            return "returned " + text;
        }
    }

    @ServerEndpoint("/filtered")
    public static class Filtered {
        @OnMessage
        public String message(String text) {
            return "filtered " + text;
        }
    }

    /** Also at the package level so that the lib-jar WAR can hold it without the endpoints. */
    public static Set<Class<?>> choose(Set<Class<?>> scanned) {
        Set<Class<?>> candidates = new LinkedHashSet<>(scanned);
        candidates.remove(Filtered.class);
        candidates.remove(Returned.class);
        Set<Class<?>> deployed = WsDependsApplicationConfig.withoutWrapped(candidates);
        deployed.add(Returned.class);
        return deployed;
    }

    /** The application's own configuration. */
    public static class Config implements ServerApplicationConfig {
        @Override
        public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
            return Set.of();
        }

        @Override
        public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
            return choose(scanned);
        }
    }
}
