package org.wsdepends.internal;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/** What a declared decoder or encoder converts. */
final class Coders {

    private Coders() {
    }

    /**
     * The {@code T} of the {@code Decoder.Text<T>}-like interface a decoder or encoder class implements
     * (its own or a superclass's).
     *
     * @param coder the decoder or encoder class
     * @param outer {@code Decoder.class} or {@code Encoder.class}, whose nested interfaces are looked for
     * @return the type argument, {@code Object.class} if none is declared
     */
    static Type typeArgument(Class<?> coder, Class<?> outer) {
        for (Class<?> level = coder; level != null && level != Object.class; level = level.getSuperclass()) {
            for (Type implemented : level.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
                        && raw.getEnclosingClass() == outer) {
                    return parameterized.getActualTypeArguments()[0];
                }
            }
        }
        return Object.class;
    }
}
