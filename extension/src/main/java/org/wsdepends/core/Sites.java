package org.wsdepends.core;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The one way deployment messages name a place in the user's code, e.g.
 * {@code field com.acme.ChatEndpoint.room} or {@code parameter audit of com.acme.Deps#user(String, Audit)}.
 */
public final class Sites {

    private Sites() {
    }

    /** @return {@code field <class>.<name>} */
    public static String field(Field field) {
        return "field " + field.getDeclaringClass().getName() + "." + field.getName();
    }

    /**
     * A parameter by its name, or by its position and type when the class was compiled without
     * {@code -parameters} (the name would be {@code arg1}).
     *
     * @param executable the method or constructor
     * @param index      the parameter's index, from 0
     * @return e.g. {@code parameter audit of com.acme.Deps#user(String, Audit)} or
     *         {@code parameter 2 (Audit) of com.acme.Deps#user(String, Audit)}
     */
    public static String parameter(Executable executable, int index) {
        Parameter parameter = executable.getParameters()[index];
        String which = parameter.isNamePresent() ? parameter.getName()
                : (index + 1) + " (" + parameter.getType().getSimpleName() + ")";
        return "parameter " + which + " of " + executable(executable);
    }

    /** @return {@code <class>#<name>(<simple parameter types>)}, constructors named after their class */
    public static String executable(Executable executable) {
        String types = Arrays.stream(executable.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", "));
        String name = executable instanceof Constructor<?> ? executable.getDeclaringClass().getSimpleName() : executable.getName();
        return executable.getDeclaringClass().getName() + "#" + name + "(" + types + ")";
    }

    /** @return {@code <class>#<name>}, for a method as a whole (a producer, a handler) */
    public static String method(Method method) {
        return method.getDeclaringClass().getName() + "#" + method.getName();
    }

    /** @return {@code class <name>} */
    public static String type(Class<?> type) {
        return "class " + type.getName();
    }

    /** @return {@code package <name>} */
    public static String pkg(Package pkg) {
        return "package " + pkg.getName();
    }
}
