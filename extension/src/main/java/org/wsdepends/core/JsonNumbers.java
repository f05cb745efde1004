package org.wsdepends.core;

import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;

import org.wsdepends.ValidationError;

/**
 * Checks the numbers of a typed JSON message against the integral fields they are for, before JSON-B
 * reads it: JSON-B (Yasson) narrows {@code 1.5} to 1 and {@code 99999999999} to 1215752191 without a
 * word. A fraction gives pydantic's {@code int_from_float}; a value out of the field's range
 * {@code greater_than_equal} or {@code less_than_equal} with its bound, each at {@code ["body", ...]}.
 * Fields are found as JSON-B's default mapping finds them (non-static, non-transient fields, named by
 * {@code @JsonbProperty}); the message is already bounded by {@link JsonLimits}, so the walk is too.
 */
public final class JsonNumbers {

    private static final Map<Class<?>, long[]> RANGES = Map.of(
            int.class, new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE}, Integer.class, new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE},
            long.class, new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, Long.class, new long[] {Long.MIN_VALUE, Long.MAX_VALUE},
            short.class, new long[] {Short.MIN_VALUE, Short.MAX_VALUE}, Short.class, new long[] {Short.MIN_VALUE, Short.MAX_VALUE},
            byte.class, new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE}, Byte.class, new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE});

    private JsonNumbers() {
    }

    /**
     * @param text a message within {@link JsonLimits}
     * @param type the message type
     * @return the errors, empty if every number fits its field
     */
    public static List<ValidationError> check(String text, Type type) {
        List<ValidationError> errors = new ArrayList<>();
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            value = reader.readValue();
        }
        walk(value, type, new ArrayList<>(List.of("body")), errors);
        return errors;
    }

    private static void walk(JsonValue value, Type type, List<Object> loc, List<ValidationError> errors) {
        Class<?> raw = raw(type);
        if (raw == null) {
            return;
        }
        if (value instanceof JsonNumber number && (RANGES.containsKey(raw) || raw == BigInteger.class)) {
            checkIntegral(number, raw, loc, errors);
        } else if (value instanceof JsonArray array) {
            Type element = elementType(type, raw);
            for (int i = 0; i < array.size() && element != null; i++) {
                loc.add(i);
                walk(array.get(i), element, loc, errors);
                loc.remove(loc.size() - 1);
            }
        } else if (value instanceof JsonObject object && !Map.class.isAssignableFrom(raw) && !raw.getName().startsWith("java.")) {
            for (Class<?> level = raw; level != null && level != Object.class; level = level.getSuperclass()) {
                for (Field field : level.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())
                            || field.isAnnotationPresent(JsonbTransient.class)) {
                        continue;
                    }
                    JsonbProperty renamed = field.getAnnotation(JsonbProperty.class);
                    String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : field.getName();
                    if (object.containsKey(name)) {
                        loc.add(name);
                        walk(object.get(name), field.getGenericType(), loc, errors);
                        loc.remove(loc.size() - 1);
                    }
                }
            }
        }
    }

    private static void checkIntegral(JsonNumber number, Class<?> type, List<Object> loc, List<ValidationError> errors) {
        BigDecimal decimal = number.bigDecimalValue();
        if (decimal.signum() != 0 && decimal.stripTrailingZeros().scale() > 0) {
            errors.add(new ValidationError("int_from_float", List.copyOf(loc),
                    "Input should be a valid integer, got a number with a fractional part", decimal, Map.of()));
            return;
        }
        long[] range = RANGES.get(type);
        if (range == null) {
            return;
        }
        if (decimal.compareTo(BigDecimal.valueOf(range[0])) < 0) {
            errors.add(new ValidationError("greater_than_equal", List.copyOf(loc), "Input should be greater than or equal to "
                    + range[0], decimal, Map.of("ge", range[0])));
        } else if (decimal.compareTo(BigDecimal.valueOf(range[1])) > 0) {
            errors.add(new ValidationError("less_than_equal", List.copyOf(loc), "Input should be less than or equal to "
                    + range[1], decimal, Map.of("le", range[1])));
        }
    }

    private static Type elementType(Type type, Class<?> raw) {
        if (raw.isArray()) {
            return type instanceof GenericArrayType generic ? generic.getGenericComponentType() : raw.getComponentType();
        }
        if (Collection.class.isAssignableFrom(raw) && type instanceof ParameterizedType parameterized) {
            return parameterized.getActualTypeArguments()[0];
        }
        return null;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> raw) {
            return raw;
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            return raw == Optional.class ? raw(parameterized.getActualTypeArguments()[0]) : raw;
        }
        if (type instanceof GenericArrayType) {
            return Object[].class;
        }
        return null;
    }
}
