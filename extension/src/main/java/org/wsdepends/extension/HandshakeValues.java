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
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.websocket.server.PathParam;

import org.wsdepends.Cookie;
import org.wsdepends.Header;
import org.wsdepends.Path;
import org.wsdepends.Query;
import org.wsdepends.core.HandshakeParams;
import org.wsdepends.core.InjectionSites;
import org.wsdepends.core.Messages;

/**
 * The synthetic {@code @Dependent} beans behind handshake injection points, one per (qualifier,
 * type) pair such as {@code @Query String}. They exist so that CDI accepts those injection points
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

    /** Records the pair if the annotation is a handshake qualifier; other annotations are ignored. */
    void add(Annotation annotation, Type type) {
        Annotation literal = literal(annotation);
        if (literal != null) {
            Type beanType = type instanceof Class<?> raw && raw.isPrimitive() ? MethodType.methodType(raw).wrap().returnType() : type;
            pairs.putIfAbsent(literal.annotationType().getName() + " " + beanType.getTypeName(), new Pair(literal, beanType));
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

    /** The qualifier with its defaults: the name is non-binding, so one bean serves every name. */
    private static Annotation literal(Annotation annotation) {
        if (HandshakeParams.qualifierOf(annotation) == null) {
            return null;
        } else if (annotation instanceof Query) {
            return Query.Literal.INSTANCE;
        } else if (annotation instanceof Header) {
            return Header.Literal.INSTANCE;
        } else if (annotation instanceof Cookie) {
            return Cookie.Literal.INSTANCE;
        } else if (annotation instanceof Path) {
            return Path.Literal.INSTANCE;
        }
        return PathParamLiteral.INSTANCE;
    }

    private record Pair(Annotation qualifier, Type type) {
    }

    /** Jakarta's {@code @PathParam}, which the extension makes a qualifier with a non-binding name. */
    @SuppressWarnings("all")
    private static final class PathParamLiteral extends AnnotationLiteral<PathParam> implements PathParam {
        static final PathParamLiteral INSTANCE = new PathParamLiteral();
        private static final long serialVersionUID = 1L;

        @Override
        public String value() {
            return "";
        }
    }
}
