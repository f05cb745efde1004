package org.wsdepends.extension;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;

import org.wsdepends.core.PendingInjections;

/** Finds the value wsdepends bound for the injection point CDI is currently serving. */
final class InjectionPoints {

    private InjectionPoints() {
    }

    /**
     * @return the bound value, or {@link PendingInjections#none()} if CDI is not injecting into a
     *         point wsdepends resolved
     */
    static Object pendingValue(BeanManager beanManager, CreationalContext<?> context) {
        InjectionPoint point = (InjectionPoint) beanManager.getInjectableReference(InjectionPointMetadata.INSTANCE, context);
        if (point == null || point.getMember() == null) {
            return PendingInjections.none();
        }
        int position = point.getAnnotated() instanceof AnnotatedParameter<?> parameter
                ? parameter.getPosition() : PendingInjections.FIELD;
        return PendingInjections.lookup(point.getMember(), position);
    }

    /** @return the current injection point, for error messages; {@code null} if none */
    static InjectionPoint current(BeanManager beanManager, CreationalContext<?> context) {
        return (InjectionPoint) beanManager.getInjectableReference(InjectionPointMetadata.INSTANCE, context);
    }
}
