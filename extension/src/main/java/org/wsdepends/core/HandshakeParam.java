package org.wsdepends.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.wsdepends.ValidationError;

/**
 * One handshake value an injection point asks for ({@code @Query}, {@code @Header}, {@code @Cookie},
 * {@code @Path}), prepared at deployment: where it comes from, how to convert it, its default and
 * its constraints. {@link #resolve} runs per connection and only reads this object, so one instance
 * serves all connections concurrently.
 */
public final class HandshakeParam {

    /** How the injection point's type wraps the element type. */
    public enum Shape {
        /** {@code T}: required unless it has a default. */
        SINGLE,
        /** {@code Optional<T>}: absent gives {@code Optional.empty()}. */
        OPTIONAL,
        /** {@code List<T>}: every value, absent gives an empty list. */
        LIST,
        /** {@code Set<T>}: every value without repeats, in the order sent; absent gives an empty set. */
        SET
    }

    private final Source source;
    private final String name;
    private final Shape shape;
    private final Converter converter;
    private final String defaultValue;
    private final ValueConstraints constraints;
    private final List<Object> loc;
    private final boolean alwaysNull;

    /**
     * @param source       where the value is read
     * @param name         the wire name (header names any case)
     * @param shape        how the type wraps the element type
     * @param converter    the element conversion
     * @param defaultValue the raw default, {@code null} for none
     * @param constraints  the Bean Validation constraints of the injection point, {@code null} for none
     */
    public HandshakeParam(Source source, String name, Shape shape, Converter converter, String defaultValue,
            ValueConstraints constraints) {
        this(source, name, shape, converter, defaultValue, constraints, false);
    }

    private HandshakeParam(Source source, String name, Shape shape, Converter converter, String defaultValue,
            ValueConstraints constraints, boolean alwaysNull) {
        this.source = source;
        this.name = name;
        this.shape = shape;
        this.converter = converter;
        this.defaultValue = defaultValue;
        this.constraints = constraints;
        this.loc = List.of(source.loc(), name);
        this.alwaysNull = alwaysNull;
    }

    /**
     * Jakarta's {@code @PathParam} with a name that is no variable of the path: its Javadoc gives such a
     * parameter {@code null}.
     *
     * @param name the name as written
     * @return a value that resolves to {@code null}, with no error
     */
    public static HandshakeParam absentPathParam(String name) {
        return new HandshakeParam(Source.PATH, name, Shape.SINGLE, raw -> null, null, null, true);
    }

    /** @return whether this is an {@link #absentPathParam} */
    public boolean alwaysNull() {
        return alwaysNull;
    }

    /** @return where the value is read */
    public Source source() {
        return source;
    }

    /** @return the wire name */
    public String name() {
        return name;
    }

    /**
     * Reads, converts and checks the value of one handshake. Problems are added to {@code errors}
     * (all of them: one per bad collection element) and {@code null} is returned.
     *
     * @param handshake the handshake
     * @param errors    where problems are added
     * @return the value to inject, {@code null} if there were problems
     */
    public Object resolve(HandshakeData handshake, List<ValidationError> errors) {
        if (alwaysNull) {
            return null;
        }
        List<String> raw = rawValues(handshake);
        switch (shape) {
            case SINGLE:
                if (raw.isEmpty()) {
                    if (defaultValue == null) {
                        errors.add(new ValidationError("missing", loc, "Field required", null));
                        return null;
                    }
                    raw = List.of(defaultValue);
                }
                String single = raw.get(raw.size() - 1);
                return validated(convertOne(single, loc, errors), single, errors);
            case OPTIONAL:
                if (raw.isEmpty() && defaultValue == null) {
                    return Optional.empty();
                }
                String optional = raw.isEmpty() ? defaultValue : raw.get(raw.size() - 1);
                Object value = convertOne(optional, loc, errors);
                return value == null ? null : validated(Optional.of(value), optional, errors);
            default:
                if (raw.isEmpty() && defaultValue != null) {
                    raw = List.of(defaultValue);
                }
                return validated(convertAll(raw, errors), raw, errors);
        }
    }

    private List<String> rawValues(HandshakeData handshake) {
        switch (source) {
            case PATH:
                // Undertow matches /rooms/ to /rooms/{room} with an empty variable: no room was given
                String path = handshake.path(name);
                return path == null || path.isEmpty() ? List.of() : List.of(path);
            case QUERY:
                return handshake.query(name);
            case COOKIE:
                return handshake.cookie(name);
            default:
                List<String> lines = handshake.header(name);
                if (lines.isEmpty()) {
                    return lines;
                }
                // Containers disagree on splitting "a, b" into two entries (Tyrus's servlet container
                // splits, Undertow keeps the line): join first so every container gives the same result
                String joined = String.join(", ", lines);
                if (shape == Shape.SINGLE || shape == Shape.OPTIONAL) {
                    return List.of(joined);
                }
                return Arrays.stream(joined.split(",")).map(String::strip).filter(part -> !part.isEmpty()).toList();
        }
    }

    private Object convertOne(String raw, List<Object> at, List<ValidationError> errors) {
        try {
            return converter.convert(raw);
        } catch (ConversionException invalid) {
            errors.add(new ValidationError(invalid.type(), at, invalid.getMessage(), raw, invalid.ctx()));
            return null;
        }
    }

    private Object convertAll(List<String> raw, List<ValidationError> errors) {
        Collection<Object> values = shape == Shape.SET ? new LinkedHashSet<>() : new ArrayList<>(raw.size());
        int before = errors.size();
        for (int index = 0; index < raw.size(); index++) {
            Object value = convertOne(raw.get(index), List.of(source.loc(), name, index), errors);
            if (value != null) {
                values.add(value);
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return shape == Shape.SET ? Collections.unmodifiableSet((LinkedHashSet<Object>) values)
                : Collections.unmodifiableList((List<Object>) values);
    }

    /** @return the value if it meets its constraints (or it is {@code null} after a conversion error), else {@code null} */
    private Object validated(Object value, Object raw, List<ValidationError> errors) {
        if (value == null || constraints == null) {
            return value;
        }
        int before = errors.size();
        constraints.check(value, raw, loc, errors);
        return errors.size() > before ? null : value;
    }

    @Override
    public String toString() {
        return source.loc() + " parameter \"" + name + "\"";
    }

    /**
     * The kebab-case header name FastAPI derives from a Java element name: {@code xClient} and
     * {@code x_client} both become {@code x-client}.
     *
     * @param elementName a field or parameter name
     * @return the header name
     */
    public static String headerName(String elementName) {
        return elementName.replace('_', '-').replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
