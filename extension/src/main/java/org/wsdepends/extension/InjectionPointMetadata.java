package org.wsdepends.extension;

import java.lang.annotation.Annotation;
import java.lang.reflect.Member;
import java.lang.reflect.Type;
import java.util.Set;

import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.Annotated;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.InjectionPoint;

/**
 * An injection point of type {@code InjectionPoint}: passed to
 * {@code BeanManager.getInjectableReference}, it returns the injection point a {@code @Dependent}
 * bean is being created for (the portable way SmallRye Config's synthetic beans use).
 */
final class InjectionPointMetadata implements InjectionPoint {

    static final InjectionPointMetadata INSTANCE = new InjectionPointMetadata();
    private static final Set<Annotation> QUALIFIERS = Set.of(Default.Literal.INSTANCE);

    private InjectionPointMetadata() {
    }

    @Override
    public Type getType() {
        return InjectionPoint.class;
    }

    @Override
    public Set<Annotation> getQualifiers() {
        return QUALIFIERS;
    }

    @Override
    public Bean<?> getBean() {
        return null;
    }

    @Override
    public Member getMember() {
        return null;
    }

    @Override
    public Annotated getAnnotated() {
        return null;
    }

    @Override
    public boolean isDelegate() {
        return false;
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
