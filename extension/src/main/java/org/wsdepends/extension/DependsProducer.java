package org.wsdepends.extension;

import java.util.Set;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.Producer;


/**
 * Wraps a {@code @Produces @Depends} producer. Where wsdepends resolved the dependency (with its
 * cache and scope), CDI receives that instance and must not dispose it, because wsdepends disposes
 * it in its own order. Elsewhere (a {@code @Depends} injection point in an ordinary bean) it behaves
 * like the original {@code @Dependent} producer.
 */
final class DependsProducer<T> implements Producer<T> {

    private final Producer<T> original;
    private final BeanManager beanManager;

    DependsProducer(Producer<T> original, BeanManager beanManager) {
        this.original = original;
        this.beanManager = beanManager;
    }

    Producer<T> original() {
        return original;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T produce(CreationalContext<T> context) {
        Object value = Handoff.valueFor(beanManager, context);
        if (value != Handoff.none()) {
            return (T) value;
        }
        return original.produce(context);
    }

    @Override
    public void dispose(T instance) {
        if (!Handoff.isReleasing()) {
            original.dispose(instance);
        }
    }

    @Override
    public Set<InjectionPoint> getInjectionPoints() {
        return original.getInjectionPoints();
    }
}
