package org.wsdepends.extension;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.websocket.Session;

import org.wsdepends.RequestValidationException;
import org.wsdepends.WebSocketException;
import org.wsdepends.spi.ExceptionHandler;

/**
 * Chooses the {@link ExceptionHandler} for an exception: the handler of the most specific supertype
 * wins, ties go to the higher {@code @Priority}; wsdepends' own handlers have the lowest priority.
 */
final class ExceptionDispatcher {

    private static final System.Logger LOG = System.getLogger("org.wsdepends");

    /** wsdepends' own handling, which needs to know the connection. */
    interface BuiltIn {
        void handle(Throwable exception, Session session, WrappedEndpoint connection) throws IOException;
    }

    private final Map<Class<?>, List<Candidate>> byType = new HashMap<>();

    ExceptionDispatcher(BeanManager beanManager) {
        // a raw required type matches no parameterized bean type (CDI 4.0 section 2.2.1), hence the wildcard
        Type anyHandler = new TypeLiteral<ExceptionHandler<? extends Throwable>>() { }.getType();
        for (Bean<?> bean : beanManager.getBeans(anyHandler, Any.Literal.INSTANCE)) {
            ParameterizedType handlerType = handlerType(bean);
            Priority priority = bean.getBeanClass().getAnnotation(Priority.class);
            add(handledType(handlerType), new Candidate(priority == null ? 0 : priority.value(),
                    new UserHandler(beanManager, bean, handlerType)));
        }
        add(RequestValidationException.class, new Candidate(Integer.MIN_VALUE, ExceptionDispatcher::validationFailed));
        add(WebSocketException.class, new Candidate(Integer.MIN_VALUE, ExceptionDispatcher::closeAsAsked));
        add(Throwable.class, new Candidate(Integer.MIN_VALUE, ExceptionDispatcher::unexpected));
        byType.values().forEach(list -> list.sort(Comparator.comparingInt(Candidate::priority).reversed()));
    }

    void dispatch(Throwable exception, Session session, WrappedEndpoint connection) {
        BuiltIn handler = null;
        for (Class<?> type = exception.getClass(); handler == null; type = type.getSuperclass()) {
            List<Candidate> candidates = byType.get(type);
            if (candidates != null) {
                handler = candidates.get(0).handler();
            }
        }
        try {
            handler.handle(exception, session, connection);
        } catch (Exception | LinkageError failure) {
            failure.addSuppressed(exception);
            LOG.log(Level.ERROR, "The exception handler for " + exception.getClass().getName() + " threw; closing with 1011",
                    failure);
            connection.closeAfterCleanup(1011, "Internal server error");
        }
    }

    private void add(Class<?> type, Candidate candidate) {
        byType.computeIfAbsent(type, key -> new ArrayList<>()).add(candidate);
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

    private static void validationFailed(Throwable exception, Session session, WrappedEndpoint connection) throws IOException {
        RequestValidationException invalid = (RequestValidationException) exception;
        if (connection.isOpened()) {
            connection.sendValidationErrors(invalid.errors());
        } else {
            connection.rejectHandshake(invalid.errors());
        }
    }

    private static void closeAsAsked(Throwable exception, Session session, WrappedEndpoint connection) {
        WebSocketException close = (WebSocketException) exception;
        connection.closeAfterCleanup(close.code(), close.reason());
    }

    private static void unexpected(Throwable exception, Session session, WrappedEndpoint connection) {
        LOG.log(Level.ERROR, "Unhandled exception in " + connection.description() + "; closing with 1011", exception);
        connection.closeAfterCleanup(1011, "Internal server error");
    }

    private record Candidate(int priority, BuiltIn handler) {
    }

    /** A user's {@code ExceptionHandler} bean, looked up on first use. */
    private static final class UserHandler implements BuiltIn {
        private final BeanManager beanManager;
        private final Bean<?> bean;
        private final Type type;
        private volatile ExceptionHandler<Throwable> instance;

        UserHandler(BeanManager beanManager, Bean<?> bean, Type type) {
            this.beanManager = beanManager;
            this.bean = bean;
            this.type = type;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void handle(Throwable exception, Session session, WrappedEndpoint connection) throws IOException {
            ExceptionHandler<Throwable> handler = instance;
            if (handler == null) {
                handler = (ExceptionHandler<Throwable>) beanManager.getReference(bean, type,
                        beanManager.createCreationalContext(bean));
                instance = handler;
            }
            handler.handle(exception, session);
        }
    }
}
