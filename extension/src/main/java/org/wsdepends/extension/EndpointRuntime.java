package org.wsdepends.extension;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionTarget;
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
    private final InjectionTarget<Object> target;
    private final RequestContexts requestContexts;
    private final List<Class<?>> encodedTypes = new ArrayList<>();
    private final Set<WrappedEndpoint> open = ConcurrentHashMap.newKeySet();
    private volatile Jsonb jsonb;
    private volatile Validator validator;

    @SuppressWarnings("unchecked")
    EndpointRuntime(EndpointModel model, BeanManager beanManager, ExceptionDispatcher exceptions) {
        this.model = model;
        this.beanManager = beanManager;
        this.exceptions = exceptions;
        this.target = (InjectionTarget<Object>) beanManager
                .getInjectionTargetFactory(beanManager.createAnnotatedType(model.type())).createInjectionTarget(null);
        Instance<RequestContextController> controllers = beanManager.createInstance().select(RequestContextController.class);
        this.requestContexts = new RequestContexts(controllers::get, controllers::destroy);
        for (Class<? extends Encoder> encoder : model.encoders()) {
            encodedTypes.add(encodedType(encoder));
        }
    }

    /** Creates the user's endpoint with the resolved values bound to its injection points. */
    Object newInstance(Object[] connectionValues, CreationalContext<Object> context) {
        try (PendingInjections.Frame frame = PendingInjections.bind(model.injectionMembers(), model.injectionPositions(),
                connectionValues)) {
            Object instance = target.produce(context);
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

    /** @return what to pass to {@link #deactivateRequestContext} on this thread */
    RequestContextController activateRequestContext() {
        return requestContexts.begin();
    }

    void deactivateRequestContext(RequestContextController activated) {
        requestContexts.end(activated);
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
