package org.wsdepends.extension;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.util.TypeLiteral;

import org.wsdepends.core.Lazy;
import org.wsdepends.internal.ExceptionHandlers;
import org.wsdepends.spi.ExceptionHandler;

/** The deployment's {@link ExceptionHandler} beans, with the type each handles and its priority. */
final class UserExceptionHandlers {

    private UserExceptionHandlers() {
    }

    @SuppressWarnings("unchecked")
    static List<ExceptionHandlers.Registration> of(BeanManager beanManager) {
        // a raw required type matches no parameterized bean type (CDI 4.0 section 2.2.1), hence the wildcard
        Type anyHandler = new TypeLiteral<ExceptionHandler<? extends Throwable>>() { }.getType();
        List<ExceptionHandlers.Registration> handlers = new ArrayList<>();
        for (Bean<?> bean : beanManager.getBeans(anyHandler, Any.Literal.INSTANCE)) {
            ParameterizedType handlerType = handlerType(bean);
            Priority priority = bean.getBeanClass().getAnnotation(Priority.class);
            handlers.add(new ExceptionHandlers.Registration(handledType(handlerType), priority == null ? 0 : priority.value(),
                    new Lazy<>(() -> (ExceptionHandler<Throwable>) beanManager.getReference(bean, handlerType,
                            beanManager.createCreationalContext(bean)))));
        }
        return handlers;
    }

    private static ParameterizedType handlerType(Bean<?> bean) {
        for (Type type : bean.getTypes()) {
            if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == ExceptionHandler.class) {
                return parameterized;
            }
        }
        throw new IllegalStateException(bean + " has no ExceptionHandler<...> bean type");
    }

    private static Class<?> handledType(ParameterizedType handlerType) {
        Type argument = handlerType.getActualTypeArguments()[0];
        if (argument instanceof Class<?> handled) {
            return handled;
        }
        if (argument instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
            return raw;
        }
        return Throwable.class;
    }
}
