package org.wsdepends.extension;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

import org.wsdepends.core.Converter;
import org.wsdepends.core.Conversions;
import org.wsdepends.core.Lazy;
import org.wsdepends.spi.ParamConverter;

/**
 * The conversion of a handshake string to an element class: a {@link ParamConverter} bean of that
 * type if the deployment has one, else a built-in conversion, else none ({@code null}).
 */
final class ConverterLookup implements Function<Class<?>, Converter> {

    private final BeanManager beanManager;

    ConverterLookup(BeanManager beanManager) {
        this.beanManager = beanManager;
    }

    @Override
    public Converter apply(Class<?> type) {
        if (!type.isPrimitive()) {
            ConverterType converterType = new ConverterType(type);
            Set<Bean<?>> beans = beanManager.getBeans(converterType);
            if (!beans.isEmpty()) {
                Bean<?> bean = beanManager.resolve(beans);
                // references cannot be had before deployment validation: look the converter up on first use
                Lazy<ParamConverter<?>> converter = new Lazy<>(() -> (ParamConverter<?>) beanManager.getReference(bean,
                        converterType, beanManager.createCreationalContext(bean)));
                return Conversions.custom(raw -> converter.get().fromString(raw));
            }
        }
        return Conversions.builtIn(type);
    }

    /** {@code ParamConverter<T>} for a bean lookup. */
    private record ConverterType(Class<?> argument) implements ParameterizedType {
        @Override
        public Type[] getActualTypeArguments() {
            return new Type[] {argument};
        }

        @Override
        public Type getRawType() {
            return ParamConverter.class;
        }

        @Override
        public Type getOwnerType() {
            return null;
        }
    }
}
