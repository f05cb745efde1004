package org.wsdepends.tck.conformance.discovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Depends;
import org.wsdepends.Query;
import org.wsdepends.tck.support.Events;

/**
 * The application {@link AnnotatedDiscoveryTest} deploys with an empty beans.xml: only the classes with a
 * bean-defining annotation are beans, and neither endpoint has one.
 */
public final class AnnotatedDiscoveryApp {

    private AnnotatedDiscoveryApp() {
    }

    public record Greeting(String text) {
    }

    @ApplicationScoped
    public static class Greetings {
        @Produces @Depends
        Greeting greeting(@Query("name") String name) {
            Events.add("greeting for " + name);
            return new Greeting("hello " + name);
        }

        void close(@Disposes @Depends Greeting greeting) {
            Events.add("disposed " + greeting.text());
        }
    }

    @RequestScoped
    public static class Counter {
        private int calls;

        int next() {
            return ++calls;
        }
    }

    /** Wrapped: not a bean in this archive, so CDI never reports it to the extension. */
    @ServerEndpoint("/greet")
    public static class GreetingEndpoint {
        @Inject @Depends Greeting greeting;
        @Inject Counter counter;

        @OnMessage
        public String message(String text) {
            return greeting.text() + " " + text + " " + counter.next();
        }
    }

    /** Plain: left to the container, which injects it all the same. */
    @ServerEndpoint("/plain/{n}")
    public static class PlainEndpoint {
        @Inject Greetings greetings;

        @OnMessage
        public String message(String text, @PathParam("n") int n) {
            return text + n + " " + (greetings != null);
        }
    }
}
