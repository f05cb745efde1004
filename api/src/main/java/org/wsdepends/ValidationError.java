package org.wsdepends;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One conversion or validation problem, in the shape FastAPI (pydantic v2) reports:
 * {@code {"type":..., "loc":[source, name(, index)], "msg":..., "input":..., "ctx":{...}}}.
 *
 * @param type  the pydantic error type, e.g. {@code missing}, {@code int_parsing},
 *              {@code greater_than_equal}; never {@code null}
 * @param loc   where the value came from: {@code path}, {@code query}, {@code header}, {@code cookie}
 *              or {@code body}, then the wire name, then an index for collection elements; never
 *              {@code null}
 * @param msg   the English message, pydantic's wording where pydantic has one; never {@code null}
 * @param input the raw value received, {@code null} when it was missing
 * @param ctx   context of the constraint (e.g. {@code {"ge": 1}}), empty when there is none (and then
 *              left out of the JSON form); never {@code null}
 */
public record ValidationError(String type, List<Object> loc, String msg, Object input, Map<String, Object> ctx) {

    /**
     * Copies the collections so the error is immutable.
     *
     * @param type  the pydantic error type
     * @param loc   the location
     * @param msg   the message
     * @param input the raw value, {@code null} when missing
     * @param ctx   the context, {@code null} or empty for none
     *
     * @throws NullPointerException if {@code type}, {@code loc} or {@code msg} is {@code null}
     */
    public ValidationError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(msg, "msg");
        loc = List.copyOf(Objects.requireNonNull(loc, "loc"));
        ctx = ctx == null || ctx.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(ctx));
    }

    /**
     * An error without context.
     *
     * @param type  the pydantic error type
     * @param loc   the location
     * @param msg   the message
     * @param input the raw value, {@code null} when missing
     */
    public ValidationError(String type, List<Object> loc, String msg, Object input) {
        this(type, loc, msg, input, Map.of());
    }
}
