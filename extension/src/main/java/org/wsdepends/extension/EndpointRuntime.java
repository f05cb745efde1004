package org.wsdepends.extension;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionTarget;
import jakarta.enterprise.inject.spi.InjectionTargetFactory;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.websocket.Encoder;

import org.wsdepends.core.PendingInjections;

/**
 * What all connections of one wrapped endpoint class share: the model, the CDI injection target,
 * exception handling and the open connections (closed when the container shuts down).
 */
final class EndpointRuntime {

    final EndpointModel model;
    final BeanManager beanManager;
    final ExceptionDispatcher exceptions;
    final String description;
    final String connectionScopeName;
    final String messageScopeName;
    private final InjectionTarget<Object> target;
    private final Field[] resolvedFields;
    private final int[] resolvedFieldValues;
    private final RequestContextActivator requestContext;
    private final List<Class<?>> encodedTypes = new ArrayList<>();
    private final Set<WrappedEndpoint> open = ConcurrentHashMap.newKeySet();
    private volatile Jsonb jsonb;
    private volatile Validator validator;

    @SuppressWarnings("unchecked")
    EndpointRuntime(EndpointModel model, BeanManager beanManager, ExceptionDispatcher exceptions) {
        this.model = model;
        this.beanManager = beanManager;
        this.exceptions = exceptions;
        this.description = model.description();
        this.connectionScopeName = "connection of " + model.path();
        this.messageScopeName = "message of " + model.path();
        InjectionTargetFactory<Object> factory = (InjectionTargetFactory<Object>) beanManager
                .getInjectionTargetFactory(beanManager.createAnnotatedType(model.type()));
        List<Field> fields = new ArrayList<>();
        List<Integer> fieldValues = new ArrayList<>();
        for (int i = 0; i < model.injectionMembers().length; i++) {
            if (model.injectionMembers()[i] instanceof Field field) {
                field.setAccessible(true);
                fields.add(field);
                fieldValues.add(i);
            }
        }
        // wsdepends sets the fields it resolved itself: through CDI each would cost a bean lookup, a
        // lookup of the injection point, and a dependent instance kept for the connection's lifetime
        factory.configure().filterFields(field -> fields.contains(field.getJavaMember()))
                .forEach(field -> field.remove(Inject.class::isInstance));
        this.target = factory.createInjectionTarget(null);
        this.resolvedFields = fields.toArray(Field[]::new);
        this.resolvedFieldValues = fieldValues.stream().mapToInt(Integer::intValue).toArray();
        this.requestContext = beanManager.createInstance().select(RequestContextActivator.class).get();
        for (Class<? extends Encoder> encoder : model.encoders()) {
            encodedTypes.add(encodedType(encoder));
        }
    }

    /**
     * Creates the user's endpoint with the resolved values bound to its injection points. The fields
     * wsdepends resolved are set right after construction, so initializer methods and
     * {@code @PostConstruct} see them as they would see injected fields.
     */
    Object newInstance(Object[] connectionValues, CreationalContext<Object> context) throws IllegalAccessException {
        try (PendingInjections.Frame frame = PendingInjections.bind(model.injectionMembers(), model.injectionPositions(),
                connectionValues)) {
            Object instance = target.produce(context);
            for (int i = 0; i < resolvedFields.length; i++) {
                resolvedFields[i].set(instance, connectionValues[resolvedFieldValues[i]]);
            }
            target.inject(instance, context);
            target.postConstruct(instance);
            return instance;
        }
    }

    /** Runs {@code @PreDestroy} and releases the endpoint's CDI dependents. */
    void release(Object instance, CreationalContext<Object> context) {
        PendingInjections.releasing(() -> {
            try {
                if (instance != null) {
                    target.preDestroy(instance);
                }
            } finally {
                context.release();
            }
        });
    }

    /** Runs a callback in CDI's request context (a new one, unless one is active on this thread). */
    void inRequestContext(Runnable callback) {
        requestContext.run(callback);
    }

    boolean hasEncoderFor(Class<?> type) {
        for (Class<?> encoded : encodedTypes) {
            if (encoded.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }

    Jsonb jsonb() {
        Jsonb current = jsonb;
        if (current == null) {
            current = JsonbBuilder.create();
            jsonb = current;
        }
        return current;
    }

    Validator validator() {
        Validator current = validator;
        if (current == null) {
            Instance<Validator> fromCdi = beanManager.createInstance().select(Validator.class);
            current = fromCdi.isResolvable() ? fromCdi.get() : Validation.buildDefaultValidatorFactory().getValidator();
            validator = current;
        }
        return current;
    }

    void opened(WrappedEndpoint connection) {
        open.add(connection);
    }

    void ended(WrappedEndpoint connection) {
        open.remove(connection);
    }

    /** Ends the connections still open when the container shuts down, so their cleanup runs. */
    void endAll() {
        for (WrappedEndpoint connection : List.copyOf(open)) {
            connection.endOnShutdown();
        }
    }

    private static Class<?> encodedType(Class<?> encoder) {
        for (Class<?> level = encoder; level != null && level != Object.class; level = level.getSuperclass()) {
            for (Type implemented : level.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
                        && raw.getEnclosingClass() == Encoder.class
                        && parameterized.getActualTypeArguments()[0] instanceof Class<?> encoded) {
                    return encoded;
                }
            }
        }
        return Object.class;
    }
}
