package org.wsdepends.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.wsdepends.Scope;

/**
 * Builds dependency graphs from lambdas (no CDI) and records, in one list, every creation and
 * destruction in the order it happened: {@code "create db#1"}, {@code "destroy db#1"}.
 */
final class Recorder {

    /** A created value: the dependency's short name, a serial per dependency, and its arguments. */
    record Instance(String name, int serial, List<Object> arguments) {
        @Override
        public String toString() {
            return name + "#" + serial;
        }
    }

    final List<String> log = new ArrayList<>();
    private final Map<String, Integer> serials = new HashMap<>();

    /** A dependency whose value is an {@link Instance} and whose destruction is logged. */
    Dependency dependency(String name, Input... inputs) {
        return dependency(name, () -> {
        }, inputs);
    }

    /** A dependency whose disposer runs {@code onDestroy} after logging. */
    Dependency dependency(String name, ThrowingRunnable onDestroy, Input... inputs) {
        Dependency dependency = new Dependency("com.acme.Deps#" + name, name, arguments -> {
            int serial = serials.merge(name, 1, Integer::sum);
            Instance instance = new Instance(name, serial, Arrays.asList(arguments));
            log.add("create " + instance);
            return created(instance, () -> {
                log.add("destroy " + instance);
                onDestroy.run();
            });
        });
        dependency.setInputs(new Dependant(List.of(inputs)));
        return dependency;
    }

    /** A dependency whose producer throws. */
    Dependency failing(String name, Exception failure, Input... inputs) {
        Dependency dependency = new Dependency("com.acme.Deps#" + name, name, arguments -> {
            log.add("call " + name);
            throw failure;
        });
        dependency.setInputs(new Dependant(List.of(inputs)));
        return dependency;
    }

    /** A dependency whose value is {@code null}. */
    Dependency nullValued(String name) {
        return new Dependency("com.acme.Deps#" + name, name, arguments -> {
            log.add("create " + name);
            return created(null, () -> log.add("destroy " + name));
        });
    }

    static Dependency.Created created(Object value, ThrowingRunnable destroy) {
        return new Dependency.Created() {
            @Override
            public Object value() {
                return value;
            }

            @Override
            public void destroy() throws Exception {
                destroy.run();
            }
        };
    }

    static Input dep(Dependency dependency) {
        return new Input.Dep(dependency, true, Scope.AUTO, "parameter " + dependency.shortName());
    }

    static Input uncached(Dependency dependency) {
        return new Input.Dep(dependency, false, Scope.AUTO, "parameter " + dependency.shortName());
    }

    static Input scoped(Dependency dependency, Scope scope) {
        return new Input.Dep(dependency, true, scope, "parameter " + dependency.shortName());
    }

    static Input param(Source source, String name, Class<?> type) {
        return new Input.Param(new HandshakeParam(source, name, HandshakeParam.Shape.SINGLE, Conversions.builtIn(type), null, null),
                source.loc() + " " + name);
    }

    static Input query(String name) {
        return param(Source.QUERY, name, String.class);
    }

    static Input header(String name) {
        return param(Source.HEADER, name, String.class);
    }

    static Input cookie(String name) {
        return param(Source.COOKIE, name, String.class);
    }

    static Input path(String name) {
        return param(Source.PATH, name, String.class);
    }

    static Dependant dependant(Input... inputs) {
        return new Dependant(List.of(inputs));
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
