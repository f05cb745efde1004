package org.wsdepends.tck.depends.intercepted;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;
import jakarta.interceptor.InvocationContext;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Depends;
import org.wsdepends.Query;

/** The application {@link InterceptedProducerTest} deploys. */
public final class InterceptedProducerApp {

    private InterceptedProducerApp() {
    }

    @InterceptorBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    public @interface Traced {
    }

    @Traced
    @Interceptor
    @Priority(Interceptor.Priority.APPLICATION)
    public static class TracedInterceptor {
        @AroundInvoke
        Object around(InvocationContext invocation) throws Exception {
            return "[" + invocation.proceed() + "]";
        }
    }

    public record Greeting(String text) {
    }

    @ApplicationScoped
    public static class Greetings {
        private final String salutation = "hello";

        @Traced
        @Produces @Depends
        String traced(@Query("name") String name) {
            return salutation + " " + name;
        }

        @Produces @Depends
        Greeting greeting(@Depends String traced) {
            return new Greeting(traced);
        }
    }

    @ServerEndpoint("/intercepted")
    public static class GreetingEndpoint {
        @Inject @Depends Greeting greeting;

        @OnOpen
        public void open(Session session) throws IOException {
            session.getBasicRemote().sendText(greeting.text());
        }
    }
}
