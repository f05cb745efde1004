package org.wsdepends.extension;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Set;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.PassivationCapable;

import org.wsdepends.core.PendingInjections;

/**
 * The synthetic bean behind one (handshake qualifier, type) pair, e.g. {@code @Query String}. It
 * exists so that CDI accepts the injection points (WildFly validates endpoint injection points at
 * deployment); its values are the ones wsdepends resolved for the connection being opened.
 */
final class HandshakeValueBean implements Bean<Object>, PassivationCapable {

    private final BeanManager beanManager;
    private final Type type;
    private final Annotation qualifier;
    private final Set<Type> types;
    private final Set<Annotation> qualifiers;
    private final String id;

    HandshakeValueBean(BeanManager beanManager, Type type, Annotation qualifier) {
        this.beanManager = beanManager;
        this.type = type;
        this.qualifier = qualifier;
        this.types = Set.of(type, Object.class);
        this.qualifiers = Set.of(qualifier, Any.Literal.INSTANCE);
        this.id = "wsdepends:" + qualifier.annotationType().getName() + ":" + type.getTypeName();
    }

    @Override
    public Object create(CreationalContext<Object> context) {
        Object value = InjectionPoints.pendingValue(beanManager, context);
        if (value == PendingInjections.none()) {
            InjectionPoint point = InjectionPoints.current(beanManager, context);
            throw new IllegalStateException("@" + qualifier.annotationType().getSimpleName() + " " + type.getTypeName()
                    + " at " + (point == null ? "an unknown injection point" : point.getMember())
                    + " has no handshake to read from: handshake values can only be injected into a wrapped"
                    + " @ServerEndpoint, its handler parameters, and the @Produces @Depends producers it uses."
                    + " Fix: move the injection point there, or make this bean a @Depends producer");
        }
        return value;
    }

    @Override
    public void destroy(Object instance, CreationalContext<Object> context) {
        context.release();
    }

    @Override
    public Set<Type> getTypes() {
        return types;
    }

    @Override
    public Set<Annotation> getQualifiers() {
        return qualifiers;
    }

    @Override
    public Class<? extends Annotation> getScope() {
        return Dependent.class;
    }

    @Override
    public String getName() {
        return null;
    }

    @Override
    public Set<Class<? extends Annotation>> getStereotypes() {
        return Set.of();
    }

    @Override
    public boolean isAlternative() {
        return false;
    }

    @Override
    public Class<?> getBeanClass() {
        return HandshakeValueBean.class;
    }

    @Override
    public Set<InjectionPoint> getInjectionPoints() {
        return Set.of();
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String toString() {
        return "wsdepends handshake value @" + qualifier.annotationType().getSimpleName() + " " + type.getTypeName();
    }
}
