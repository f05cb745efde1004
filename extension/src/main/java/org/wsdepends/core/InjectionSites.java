package org.wsdepends.core;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.wsdepends.Cookie;
import org.wsdepends.Depends;
import org.wsdepends.Header;
import org.wsdepends.Path;
import org.wsdepends.Query;
import org.wsdepends.security.RejectBeforeUpgrade;

/**
 * The one scan of a class for the places wsdepends serves, and the one list of wsdepends'
 * annotations: {@code @Query}, {@code @Header}, {@code @Cookie}, {@code @Path}, Jakarta's
 * {@code @PathParam} and {@code @Depends}.
 */
public final class InjectionSites {

    private InjectionSites() {
    }

    /**
     * One field or parameter that carries a wsdepends annotation.
     *
     * @param member      the field, constructor or method
     * @param position    the parameter index, {@link InjectionPlan#FIELD} for a field
     * @param type        the declared (generic) type
     * @param annotations the element's annotations
     * @param elementName the field or parameter name ({@code argN} without {@code -parameters})
     * @param site        the place as deployment messages name it ({@link Sites})
     * @param injected    whether CDI injects it: {@code false} for a field without {@code @Inject}
     */
    public record Site(Member member, int position, Type type, Annotation[] annotations, String elementName, String site,
            boolean injected) {
    }

    /**
     * wsdepends' own annotations, whose presence on an endpoint opts it into wrapping; Jakarta's
     * {@code @PathParam} alone does not, since plain endpoints use it too.
     *
     * @param annotation any annotation
     * @return whether it is {@code @Query}, {@code @Header}, {@code @Cookie}, {@code @Path}, {@code @Depends}, a
     *         credential, a security annotation or {@code @RejectBeforeUpgrade}
     */
    public static boolean isOwn(Annotation annotation) {
        return annotation instanceof Query || annotation instanceof Header || annotation instanceof Cookie
                || annotation instanceof Path || annotation instanceof Depends || annotation instanceof Depends.List
                || Credential.isCredential(annotation) || Roles.isSecurityAnnotation(annotation)
                || annotation instanceof RejectBeforeUpgrade;
    }

    /**
     * @param annotations the annotations of a field or parameter
     * @return whether one of them is a wsdepends annotation (handshake qualifier or {@code @Depends})
     */
    public static boolean isWsDepends(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof Depends || isHandshakeQualifier(annotation)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param annotation any annotation
     * @return whether it asks for a value of the handshake: a handshake qualifier or a credential
     */
    public static boolean isHandshakeQualifier(Annotation annotation) {
        return HandshakeParams.qualifierOf(annotation) != null || Credential.isCredential(annotation);
    }

    /**
     * The places CDI injects into when it creates an instance of {@code type}, in CDI's order:
     * fields and initializer methods of superclasses first, then the {@code @Inject} constructor
     * (only the class's own: superclass constructors are not injected). Fields with a wsdepends
     * annotation but no {@code @Inject} are included with {@code injected = false}, so the caller can
     * report them.
     *
     * @param type the class
     * @return the sites
     */
    public static List<Site> of(Class<?> type) {
        List<Site> sites = new ArrayList<>();
        for (Class<?> level : hierarchy(type)) {
            for (Field field : level.getDeclaredFields()) {
                if (isWsDepends(field.getAnnotations())) {
                    sites.add(new Site(field, InjectionPlan.FIELD, field.getGenericType(), field.getAnnotations(), field.getName(),
                            Sites.field(field), field.isAnnotationPresent(Inject.class)));
                }
            }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (constructor.isAnnotationPresent(Inject.class)) {
                sites.addAll(parameters(constructor));
            }
        }
        for (Class<?> level : hierarchy(type)) {
            for (Method method : level.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Inject.class)) {
                    sites.addAll(parameters(method));
                }
            }
        }
        return sites;
    }

    /**
     * The parameters of a constructor or method (an initializer, a producer, a handler) that carry a
     * wsdepends annotation.
     *
     * @param executable the constructor or method
     * @return the sites, in parameter order
     */
    public static List<Site> parameters(Executable executable) {
        List<Site> sites = new ArrayList<>();
        Parameter[] parameters = executable.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (isWsDepends(parameters[i].getAnnotations())) {
                sites.add(parameters(executable, i));
            }
        }
        return sites;
    }

    /**
     * One parameter of a constructor or method as a site, whatever its annotations.
     *
     * @param executable the constructor or method
     * @param index      the parameter's index
     * @return the site
     */
    public static Site parameters(Executable executable, int index) {
        Parameter parameter = executable.getParameters()[index];
        return new Site(executable, index, parameter.getParameterizedType(), parameter.getAnnotations(), parameter.getName(),
                Sites.parameter(executable, index), true);
    }

    /** The class and its superclasses, superclass first, as CDI injects them. */
    private static List<Class<?>> hierarchy(Class<?> type) {
        List<Class<?>> levels = new ArrayList<>();
        for (Class<?> level = type; level != null && level != Object.class; level = level.getSuperclass()) {
            levels.add(0, level);
        }
        return levels;
    }
}
