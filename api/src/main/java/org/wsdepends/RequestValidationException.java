package org.wsdepends;

import java.util.List;
import java.util.Objects;

/**
 * Handshake values or a message failed conversion or validation (FastAPI's
 * {@code WebSocketRequestValidationError}).
 *
 * <p>wsdepends throws it after collecting every problem of a connection (or message), not only the
 * first. The default handling at the handshake sends one text frame {@code {"detail":[...errors]}}
 * and closes with 1008 and the errors as a compact JSON reason of at most 123 UTF-8 bytes; for a
 * message it sends the error frame and keeps the connection open. An
 * {@link org.wsdepends.spi.ExceptionHandler ExceptionHandler&lt;RequestValidationException&gt;} bean
 * replaces that default.
 */
public class RequestValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ValidationError> errors;
    /** What was being resolved. */
    private final String endpoint;

    /**
     * @param errors   the problems, in the order they were found; at least one
     * @param endpoint what was being resolved, e.g. {@code WS /rooms/{room}}, or {@code null} when unknown
     * @throws IllegalArgumentException if {@code errors} is empty
     */
    public RequestValidationException(List<ValidationError> errors, String endpoint) {
        super(describe(errors, endpoint));
        this.errors = List.copyOf(errors);
        this.endpoint = endpoint;
    }

    /**
     * The problems, in the order they were found.
     *
     * @return an immutable, non-empty list
     */
    public List<ValidationError> errors() {
        return errors;
    }

    /**
     * What was being resolved when the problems were found, e.g. {@code WS /rooms/{room}}.
     *
     * @return the endpoint description, or {@code null} when unknown
     */
    public String endpoint() {
        return endpoint;
    }

    private static String describe(List<ValidationError> errors, String endpoint) {
        Objects.requireNonNull(errors, "errors");
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a RequestValidationException needs at least one error");
        }
        StringBuilder text = new StringBuilder()
                .append(errors.size()).append(errors.size() == 1 ? " validation error:" : " validation errors:");
        for (ValidationError error : errors) {
            text.append("\n  {'type': '").append(error.type()).append("', 'loc': ").append(tuple(error.loc()))
                    .append(", 'msg': '").append(error.msg()).append("', 'input': ")
                    .append(error.input() == null ? "None" : "'" + error.input() + "'").append('}');
        }
        if (endpoint != null) {
            text.append("\n\n  Endpoint: ").append(endpoint);
        }
        return text.toString();
    }

    /** pydantic's loc is a Python tuple: {@code ('query', 'tags', 1)}. */
    private static String tuple(List<Object> loc) {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < loc.size(); i++) {
            Object part = loc.get(i);
            text.append(i == 0 ? "" : ", ").append(part instanceof String ? "'" + part + "'" : String.valueOf(part));
        }
        return text.append(loc.size() == 1 ? ",)" : ")").toString();
    }
}
