package org.wsdepends.core;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Parameter;

import jakarta.inject.Inject;

/**
 * Decides which endpoint classes wsdepends wraps: those that use a wsdepends annotation (design §3),
 * or all of them when {@code org.wsdepends.wrap=all} is set as a servlet context parameter, a system
 * property or in {@code META-INF/wsdepends.properties}.
 */
public final class WrapPolicy {

    /** The setting's name. */
    public static final String WRAP_PROPERTY = "org.wsdepends.wrap";

    private final boolean wrapAll;

    private WrapPolicy(boolean wrapAll) {
        this.wrapAll = wrapAll;
    }

    /**
     * The policy configured for a deployment, from the first of: the WAR's servlet context parameter
     * ({@code <context-param>} in {@code WEB-INF/web.xml}), the system property, the deployment's
     * {@code META-INF/wsdepends.properties}. Values: {@code annotated} (the default) or {@code all}.
     *
     * @param loader   the deployment's class loader
     * @param warClass a class of the deployment, to find its WAR's {@code web.xml}; {@code null} outside a WAR
     * @return the policy
     * @throws IllegalArgumentException naming the key, for any other value
     * @throws java.io.UncheckedIOException if the properties file exists but cannot be read
     */
    public static WrapPolicy configured(ClassLoader loader, Class<?> warClass) {
        return configured(Settings.ofWar(warClass, loader));
    }

    /**
     * @param settings the deployment's settings
     * @return the policy {@code org.wsdepends.wrap} sets
     * @throws IllegalArgumentException naming the key, for a value other than {@code all} or {@code annotated}
     */
    public static WrapPolicy configured(Settings settings) {
        String setting = settings.value("wrap");
        String value = setting == null ? "annotated" : setting.toLowerCase(java.util.Locale.ROOT);
        if (!value.equals("all") && !value.equals("annotated")) {
            throw new IllegalArgumentException(Messages.invalidSetting(WRAP_PROPERTY, setting, "all or annotated"));
        }
        return new WrapPolicy(value.equals("all"));
    }

    /**
     * @param wrapAll whether to wrap every endpoint
     * @return the policy
     */
    public static WrapPolicy of(boolean wrapAll) {
        return new WrapPolicy(wrapAll);
    }

    /**
     * @param endpointClass a {@code @ServerEndpoint} class
     * @return whether wsdepends wraps it
     */
    public boolean wraps(Class<?> endpointClass) {
        return wrapAll || usesWsDepends(endpointClass);
    }

    /**
     * Whether the class, its package, or any of its fields, constructors, methods or parameters
     * carries a wsdepends annotation.
     *
     * @param type the class
     * @return whether it uses wsdepends
     */
    public static boolean usesWsDepends(Class<?> type) {
        if (marked(type) || type.getPackage() != null && marked(type.getPackage())) {
            return true;
        }
        for (Executable executable : type.getDeclaredConstructors()) {
            if (markedParameters(executable)) {
                return true;
            }
        }
        // injection points and handler methods are inherited, so superclasses count too
        for (Class<?> level = type; level != null && level != Object.class; level = level.getSuperclass()) {
            for (Field field : level.getDeclaredFields()) {
                if (marked(field)) {
                    return true;
                }
            }
            for (Executable executable : level.getDeclaredMethods()) {
                if (marked(executable) || markedParameters(executable)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Jakarta's {@code @PathParam} counts on the parameters of an {@code @Inject} constructor or
     * initializer: no container injects it there, only wsdepends does. On a handler method it keeps its
     * plain meaning.
     */
    private static boolean markedParameters(Executable executable) {
        boolean injected = executable.isAnnotationPresent(Inject.class);
        for (Parameter parameter : executable.getParameters()) {
            if (marked(parameter) || injected && InjectionSites.isWsDepends(parameter.getAnnotations())) {
                return true;
            }
        }
        return false;
    }

    private static boolean marked(AnnotatedElement element) {
        for (Annotation annotation : element.getDeclaredAnnotations()) {
            if (InjectionSites.isOwn(annotation)) {
                return true;
            }
        }
        return false;
    }
}
