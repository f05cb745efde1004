package org.wsdepends.embedded;

import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessProducer;
import jakarta.enterprise.inject.spi.Producer;
import jakarta.interceptor.Interceptor;

import org.wsdepends.Depends;

/**
 * The CDI extension behind {@link WsDependsServer.Builder#override}: it replaces the CDI producer of each overridden
 * {@code @Produces @Depends} producer method or field with one that calls the replacement and declares no injection
 * points, before wsdepends records the producer. wsdepends then keeps its own cache, scopes and cleanup order for
 * the replacement, and resolves none of the original's parameters (their sub-dependencies no longer run).
 */
final class DependencyOverrides implements Extension {

    /** What replaces the producers of one type with some qualifiers. */
    record Replacement(Class<?> type, Set<Annotation> qualifiers, Supplier<?> supplier, Consumer<Object> disposer) {

        String describe() {
            return type.getName() + (qualifiers.isEmpty() ? "" : " qualified " + qualifiers.stream()
                    .map(qualifier -> "@" + qualifier.annotationType().getSimpleName())
                    .collect(Collectors.joining(" ")));
        }
    }

    private final Map<Replacement, Integer> replaced = new LinkedHashMap<>();

    DependencyOverrides(List<Replacement> replacements) {
        replacements.forEach(replacement -> replaced.put(replacement, 0));
    }

    // before wsdepends' own observer (default priority), which records the producer it sees as the user's
    <T, X> void replace(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) ProcessProducer<T, X> event,
                        BeanManager beanManager) {
        if (!event.getAnnotatedMember().isAnnotationPresent(Depends.class)) {
            return;
        }
        Type produced = event.getAnnotatedMember().getBaseType();
        Type raw = produced instanceof ParameterizedType parameterized ? parameterized.getRawType() : produced;
        Set<Annotation> qualifiers = event.getAnnotatedMember().getAnnotations().stream()
                .filter(annotation -> beanManager.isQualifier(annotation.annotationType()))
                .collect(Collectors.toSet());
        for (Map.Entry<Replacement, Integer> entry : replaced.entrySet()) {
            Replacement replacement = entry.getKey();
            if (replacement.type() == raw && qualifiers.containsAll(replacement.qualifiers())) {
                event.setProducer(new ReplacementProducer<>(replacement));
                entry.setValue(entry.getValue() + 1);
                return;
            }
        }
    }

    void reportUnused(@Observes AfterBeanDiscovery event) {
        List<String> unused = new ArrayList<>();
        replaced.forEach((replacement, uses) -> {
            if (uses == 0) {
                unused.add(replacement.describe());
            }
        });
        for (String type : unused) {
            event.addDefinitionError(new IllegalArgumentException("Cannot override " + type + ": no @Produces @Depends "
                    + "producer of that type among the server's beans. Fix: add the class declaring the producer to "
                    + ".beans(...), or override the type the producer method returns (its exact class)"));
        }
    }

    /** Calls the replacement; injects nothing. */
    private static final class ReplacementProducer<T> implements Producer<T> {
        private final Replacement replacement;

        ReplacementProducer(Replacement replacement) {
            this.replacement = replacement;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T produce(CreationalContext<T> context) {
            return (T) replacement.supplier().get();
        }

        @Override
        public void dispose(T instance) {
            replacement.disposer().accept(instance);
        }

        @Override
        public Set<InjectionPoint> getInjectionPoints() {
            return Set.of();
        }
    }
}
