package org.wsdepends.core;

import java.util.Map;

/**
 * A raw value could not be converted; carries the pydantic error type, message and context. Thrown
 * on bad client input, so it has no stack trace.
 */
public final class ConversionException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The pydantic error type. */
    private final String type;
    private final transient Map<String, Object> ctx;

    /**
     * @param type the pydantic error type, e.g. {@code int_parsing}
     * @param msg  the pydantic message
     * @param ctx  the error context, empty for none
     */
    public ConversionException(String type, String msg, Map<String, Object> ctx) {
        super(msg, null, false, false);
        this.type = type;
        this.ctx = ctx;
    }

    /** @return the pydantic error type */
    public String type() {
        return type;
    }

    /** @return the error context, empty for none */
    public Map<String, Object> ctx() {
        return ctx;
    }
}
