package org.wsdepends.test;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.enterprise.inject.Disposes;
import jakarta.inject.Qualifier;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.wsdepends.Depends;
import org.wsdepends.embedded.WsDependsServer;
import org.wsdepends.embedded.WsTestClient;

/**
 * The JUnit 5 extension behind {@link WsDependsTest}. The server lives in the test class's extension store; clients
 * live in the store of the test (a parameter) or are keyed by test instance (a field), and are closed after each
 * test, which closes their connections.
 */
public final class WsDependsTestExtension
        implements BeforeAllCallback, AfterAllCallback, AfterEachCallback, TestInstancePostProcessor, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(WsDependsTestExtension.class);
    private static final String SERVER = "server";
    private static final String TEST_CLIENT = "test client";
    private static final String CLASS_CLIENT = "class client";

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        Optional<WsDependsTest> annotation = AnnotationSupport.findAnnotation(testClass, WsDependsTest.class);
        if (annotation.isEmpty() && server(context) != null) {
            return; // a @Nested class: its enclosing class's server
        }
        WsDependsTest test = annotation.orElseThrow(() -> new ExtensionConfigurationException(testClass.getName()
                + " uses WsDependsTestExtension without @WsDependsTest. Fix: annotate the class @WsDependsTest(endpoints = ...)"));
        WsDependsServer.Builder builder = WsDependsServer.builder().port(0).endpoints(test.endpoints()).beans(test.beans());
        overrides(testClass, builder);
        context.getStore(NAMESPACE).put(SERVER, builder.start());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        WsDependsServer server = context.getStore(NAMESPACE).remove(SERVER, WsDependsServer.class);
        if (server != null) {
            server.close();
        }
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
        for (Class<?> level = testInstance.getClass(); level != Object.class; level = level.getSuperclass()) {
            for (Field field : level.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || !isInjectable(field.getType())) {
                    continue;
                }
                field.setAccessible(true);
                if (field.get(testInstance) == null) {
                    field.set(testInstance, field.getType() == WsDependsServer.class ? requiredServer(context)
                            : clients(context).computeIfAbsent(testInstance, instance -> WsTestClient.of(requiredServer(context))));
                }
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        WsTestClient parameter = context.getStore(NAMESPACE).remove(TEST_CLIENT, WsTestClient.class);
        if (parameter != null) {
            parameter.close();
        }
        context.getTestInstance().map(instance -> clients(context).get(instance)).ifPresent(WsTestClient::close);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return isInjectable(parameterContext.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        if (parameterContext.getParameter().getType() == WsDependsServer.class) {
            return requiredServer(context);
        }
        // one per test, closed after it; in @BeforeAll/@AfterAll one for the class, closed with its store
        String key = context.getTestMethod().isPresent() ? TEST_CLIENT : CLASS_CLIENT;
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(key, any -> WsTestClient.of(requiredServer(context)),
                WsTestClient.class);
    }

    private static boolean isInjectable(Class<?> type) {
        return type == WsDependsServer.class || type == WsTestClient.class;
    }

    private static WsDependsServer server(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(SERVER, WsDependsServer.class);
    }

    private static WsDependsServer requiredServer(ExtensionContext context) {
        WsDependsServer server = server(context);
        if (server == null) {
            throw new ExtensionConfigurationException("No wsdepends server for " + context.getDisplayName()
                    + ": it starts before the class's first test. Fix: annotate the test class @WsDependsTest");
        }
        return server;
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, WsTestClient> clients(ExtensionContext context) {
        // the class's store: test instances are created in it (per test, or once with @TestInstance(PER_CLASS))
        ExtensionContext classContext = context.getTestMethod().isPresent() ? context.getParent().orElseThrow() : context;
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent("clients",
                key -> Collections.synchronizedMap(new WeakHashMap<>()), Map.class);
    }

    /** The {@link DependencyOverride} members of the class and its superclasses, given to the builder. */
    private static void overrides(Class<?> testClass, WsDependsServer.Builder builder) {
        Map<Key, Supplier<?>> suppliers = new LinkedHashMap<>();
        Map<Key, Consumer<Object>> disposers = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<Member> members = new ArrayList<>();
        for (Class<?> level = testClass; level != null && level != Object.class; level = level.getSuperclass()) {
            members.addAll(Arrays.asList(level.getDeclaredFields()));
            members.addAll(Arrays.asList(level.getDeclaredMethods()));
        }
        for (Member member : members) {
            if (!((AnnotatedElement) member).isAnnotationPresent(DependencyOverride.class)) {
                continue;
            }
            String site = member.getDeclaringClass().getName() + "#" + member.getName();
            if (!Modifier.isStatic(member.getModifiers())) {
                problems.add(site + ": a @DependencyOverride must be static, because the server starts before any test"
                        + " instance exists. Fix: declare it static");
            } else if (member instanceof Field field) {
                field.setAccessible(true);
                suppliers.put(new Key(field.getType(), qualifiers(field.getAnnotations())), () -> read(field));
            } else if (member instanceof Method method && method.getParameterCount() == 0
                    && method.getReturnType() != void.class) {
                method.setAccessible(true);
                suppliers.put(new Key(method.getReturnType(), qualifiers(method.getAnnotations())), () -> call(method, null));
            } else if (member instanceof Method method && method.getReturnType() == void.class
                    && method.getParameterCount() == 1 && method.getParameters()[0].isAnnotationPresent(Disposes.class)) {
                method.setAccessible(true);
                Parameter parameter = method.getParameters()[0];
                disposers.put(new Key(parameter.getType(), qualifiers(parameter.getAnnotations())),
                        instance -> call(method, instance));
            } else {
                problems.add(site + ": a @DependencyOverride method must either take no parameters and return the "
                        + "replacement, or return void and take the replacement as one @Disposes parameter");
            }
        }
        disposers.keySet().stream().filter(key -> !suppliers.containsKey(key)).forEach(key -> problems.add(
                testClass.getName() + ": a @DependencyOverride disposer of " + key + " without a @DependencyOverride "
                        + "method or field supplying it. Fix: add one (with the same qualifiers)"));
        if (!problems.isEmpty()) {
            throw new ExtensionConfigurationException(String.join("\n", problems));
        }
        suppliers.forEach((key, supplier) -> override(builder, key, supplier, disposers.getOrDefault(key, instance -> { })));
    }

    @SuppressWarnings("unchecked")
    private static <T> void override(WsDependsServer.Builder builder, Key key, Supplier<?> supplier,
                                     Consumer<Object> disposer) {
        builder.override((Class<T>) key.type(), (Supplier<T>) supplier, disposer::accept,
                key.qualifiers().toArray(Annotation[]::new));
    }

    private static Set<Annotation> qualifiers(Annotation[] annotations) {
        Set<Annotation> qualifiers = new LinkedHashSet<>();
        for (Annotation annotation : annotations) {
            if (annotation.annotationType() != Depends.class
                    && annotation.annotationType().isAnnotationPresent(Qualifier.class)) {
                qualifiers.add(annotation);
            }
        }
        return qualifiers;
    }

    private static Object read(Field field) {
        try {
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + field, e);
        }
    }

    private static Object call(Method method, Object argument) {
        try {
            return argument == null ? method.invoke(null) : method.invoke(null, argument);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot call " + method, e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(method + " failed", e.getCause());
        }
    }

    /** A replaced type with its selecting qualifiers. */
    private record Key(Class<?> type, Set<Annotation> qualifiers) {
        @Override
        public String toString() {
            return type.getName() + (qualifiers.isEmpty() ? "" : " " + qualifiers);
        }
    }
}
