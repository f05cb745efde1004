package org.wsdepends.test.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Singleton;

import org.wsdepends.embedded.WsDependsServer;

/** What the real producers did, per server. {@code @Singleton}: readable after the server stopped. */
@Singleton
public class Calls {

    private final List<String> calls = new CopyOnWriteArrayList<>();

    void add(String call) {
        calls.add(call);
    }

    public List<String> list() {
        return List.copyOf(calls);
    }

    public static Calls of(WsDependsServer server) {
        return server.beanManager().createInstance().select(Calls.class).get();
    }
}
