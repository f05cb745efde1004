package org.wsdepends.core;

import java.util.Map;

/**
 * One Bean Validation constraint of a handshake value, checked against the converted value.
 */
@FunctionalInterface
public interface ConstraintCheck {

    /**
     * @param value the converted value, never {@code null}
     * @return {@code null} if the value satisfies the constraint, otherwise the failure
     */
    Failure check(Object value);

    /**
     * A failed constraint, in pydantic's terms.
     *
     * @param type the error type
     * @param msg  the message
     * @param ctx  the context, empty for none
     */
    record Failure(String type, String msg, Map<String, Object> ctx) {
    }
}
