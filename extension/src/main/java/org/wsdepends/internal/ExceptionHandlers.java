package org.wsdepends.internal;

import java.util.function.Supplier;

import org.wsdepends.spi.ExceptionHandler;

/** How the extension hands the user's {@link ExceptionHandler} beans to the dispatcher. */
public final class ExceptionHandlers {

    private ExceptionHandlers() {
    }

    /**
     * A user's handler bean.
     *
     * @param handled  the exception type it handles
     * @param priority its {@code @Priority}, 0 without one
     * @param handler  the bean's reference, made on first use
     */
    public record Registration(Class<?> handled, int priority, Supplier<ExceptionHandler<Throwable>> handler) {
    }
}
