package org.wsdepends.extension;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;

import org.wsdepends.core.InjectionSites;
import org.wsdepends.core.Messages;

/**
 * The synthetic {@code @Dependent} beans behind handshake injection points, one per (qualifier,
 * type) pair such as {@code @Query String} or {@code @BearerToken String}. They exist so that CDI accepts those injection points
 * (WildFly validates endpoint injection points at deployment); each returns the value {@link Handoff}
 * holds for the injection point being served.
 */
final class HandshakeValues {

    private final Map<String, Pair> pairs = new LinkedHashMap<>();

    /** Records the handshake injection points CDI will serve when it creates the endpoint. */
    void collect(Class<?> endpoint) {
        for (InjectionSites.Site site : InjectionSites.of(endpoint)) {
            for (Annotation annotation : site.annotations()) {
                add(annotation, site.type());
            }
        }
    }

    /**
     * Records the pair if the annotation is a handshake qualifier or credential; other annotations are
     * ignored. The annotation itself serves as the bean's qualifier: its members are non-binding, so it
     * matches every injection point of its type.
     */
    void add(Annotation annotation, Type type) {
        if (InjectionSites.isHandshakeQualifier(annotation)) {
            Type beanType = type instanceof Class<?> raw && raw.isPrimitive() ? MethodType.methodType(raw).wrap().returnType() : type;
            pairs.putIfAbsent(annotation.annotationType().getName() + " " + beanType.getTypeName(), new Pair(annotation, beanType));
        }
    }

    void register(AfterBeanDiscovery event, BeanManager beanManager) {
        for (Pair pair : pairs.values()) {
            event.addBean().beanClass(HandshakeValues.class).types(pair.type(), Object.class)
                    .qualifiers(pair.qualifier(), Any.Literal.INSTANCE).scope(Dependent.class)
                    .id("wsdepends:" + pair.qualifier().annotationType().getName() + ":" + pair.type().getTypeName())
                    .createWith(context -> value(beanManager, context, pair));
        }
    }

    private static Object value(BeanManager beanManager, CreationalContext<?> context, Pair pair) {
        Object value = Handoff.valueFor(beanManager, context);
        if (value == Handoff.none()) {
            InjectionPoint point = Handoff.currentInjectionPoint(beanManager, context);
            String site = point == null || point.getMember() == null ? "an injection point outside a wrapped endpoint"
                    : point.getMember().getDeclaringClass().getName() + "." + point.getMember().getName();
            throw new IllegalStateException(Messages.noHandshakeHere(site, pair.qualifier().annotationType().getSimpleName(),
                    pair.type().getTypeName()));
        }
        return value;
    }

    private record Pair(Annotation qualifier, Type type) {
    }
}
