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
            Constructor<?> bare = sun.reflect.ReflectionFactory.getReflectionFactory()
                    .newConstructorForSerialization(type, Object.class.getDeclaredConstructor());
            return bare.newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError impossible) {
            throw new IllegalStateException("cannot make an instance of " + type.getName() + " to validate its method"
                    + " parameters against", impossible);
        }
    }
}
