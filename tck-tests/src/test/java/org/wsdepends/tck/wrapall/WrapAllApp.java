package org.wsdepends.tck.wrapall;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.extension.WsDependsExtension;
import org.wsdepends.internal.EndpointRegistry;

/** The application {@link WrapAllTest} deploys, with and without {@code org.wsdepends.wrap=all}. */
public final class WrapAllApp {

    private WrapAllApp() {
    }

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

    /** Answers "wrapped" or "plain" with the endpoint classes the extension reports as such, except itself. */
    @ServerEndpoint("/extension")
    public static class ExtensionProbe {
        @Inject BeanManager beanManager;

        @OnMessage
        public String report(String which) {
            EndpointRegistry extension = beanManager.getExtension(WsDependsExtension.class).registry();
            Set<Class<?>> classes = which.equals("wrapped") ? extension.wrappedEndpointClasses() : extension.plainEndpointClasses();
            return classes.stream().filter(type -> type != ExtensionProbe.class).map(Class::getName).sorted()
                    .collect(Collectors.joining(","));
        }
    }
}
