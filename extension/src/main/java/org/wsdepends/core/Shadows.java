package org.wsdepends.core;

import java.lang.reflect.Constructor;

/**
 * An instance of a class made without running any of its constructors, as Java serialization makes
 * one: only for Bean Validation's method-parameter validation, which needs an object of the class
 * before the real one exists ({@link ValueConstraints}).
 */
final class Shadows {

    private Shadows() {
    }

    static Object of(Class<?> type) {
        try {
            // through the system class loader: a server's deployment class loader (WildFly's modules)
            // does not see the JDK's jdk.unsupported module, which exports sun.reflect to everyone
            Class<?> factoryClass = Class.forName("sun.reflect.ReflectionFactory", true, ClassLoader.getSystemClassLoader());
            Object factory = factoryClass.getMethod("getReflectionFactory").invoke(null);
            Constructor<?> bare = (Constructor<?>) factoryClass.getMethod("newConstructorForSerialization", Class.class,
                    Constructor.class).invoke(factory, type, Object.class.getDeclaredConstructor());
            return bare.newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError impossible) {
            throw new IllegalStateException("cannot make an instance of " + type.getName() + " to validate its method"
                    + " parameters against", impossible);
        }
    }
}
