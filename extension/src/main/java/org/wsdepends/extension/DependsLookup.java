package org.wsdepends.extension;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

import org.wsdepends.Depends;
import org.wsdepends.core.Dependency;
import org.wsdepends.core.Messages;
import org.wsdepends.internal.EndpointAnalyzer;

/**
 * Finds the {@code @Produces @Depends} producer of a type with CDI's own resolution (so
 * {@code @Alternative} producers win as usual), and says why when there is none or more than one.
 */
final class DependsLookup implements EndpointAnalyzer.DependencyLookup {

    private final BeanManager beanManager;
    private final Map<Bean<?>, Dependency> producers;

    /** @param producers the dependency graph node of each {@code @Depends} producer bean */
    DependsLookup(BeanManager beanManager, Map<Bean<?>, Dependency> producers) {
        this.beanManager = beanManager;
        this.producers = producers;
    }

    @Override
    public Dependency find(Type type, String site, List<String> problems) {
        Set<Bean<?>> beans = beanManager.getBeans(type, Depends.Literal.INSTANCE);
        if (beans.isEmpty()) {
            problems.add(Messages.noProducer(site, type.getTypeName(), type instanceof Class<?> raw ? raw.getSimpleName()
                    : type.getTypeName()));
            return null;
        }
        Bean<?> bean;
        try {
            bean = beanManager.resolve(beans);
        } catch (AmbiguousResolutionException ambiguous) {
            problems.add(Messages.ambiguousProducers(site, type.getTypeName(), beans.stream()
                    .map(candidate -> producers.containsKey(candidate) ? producers.get(candidate).member() : candidate.toString())
                    .sorted().toList()));
            return null;
        }
        Dependency node = producers.get(bean);
        if (node == null) {
            problems.add(Messages.notAProducer(site, type.getTypeName(), bean.toString()));
        }
        return node;
    }

    @Override
    public boolean declares(Type type) {
        return !beanManager.getBeans(type, Depends.Literal.INSTANCE).isEmpty();
    }
}
