package org.wsdepends.embedded;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/** An application-scoped bean injected into the plain endpoints. */
@ApplicationScoped
public class Greeter {

    private final AtomicInteger calls = new AtomicInteger();

    public String greet(String text) {
        return "echo #" + calls.incrementAndGet() + ": " + text;
    }

    public int calls() {
        return calls.get();
    }
}
