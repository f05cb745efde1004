package org.wsdepends.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The built-in conversions of design §2, each failing with pydantic v2's error type and message.
 */
public final class Conversions {

    private static final String INT_MSG = "Input should be a valid integer, unable to parse string as an integer";
    private static final Map<Class<?>, Converter> BUILT_IN = new HashMap<>();

    static {
        BUILT_IN.put(String.class, raw -> raw);
        register(Integer.class, int.class, integer(Integer::valueOf));
        register(Long.class, long.class, integer(Long::valueOf));
        register(Short.class, short.class, integer(Short::valueOf));
        register(Byte.class, byte.class, integer(Byte::valueOf));
        register(Double.class, double.class, number(Double::valueOf));
        register(Float.class, float.class, number(Float::valueOf));
        register(Boolean.class, boolean.class, Conversions::toBoolean);
        register(Character.class, char.class, Conversions::toChar);
        BUILT_IN.put(BigInteger.class, integer(BigInteger::new));
        BUILT_IN.put(BigDecimal.class, raw -> parse(raw.strip(), BigDecimal::new, "decimal_parsing", "Input should be a valid decimal"));
        BUILT_IN.put(UUID.class, Conversions::toUuid);
        BUILT_IN.put(Instant.class, raw -> temporal(raw, Instant::parse, "datetime_parsing", "Input should be a valid datetime"));
        BUILT_IN.put(LocalDateTime.class,
                raw -> temporal(raw, LocalDateTime::parse, "datetime_parsing", "Input should be a valid datetime"));
        BUILT_IN.put(LocalDate.class,
                raw -> temporal(raw, LocalDate::parse, "date_parsing", "Input should be a valid date in the format YYYY-MM-DD"));
        BUILT_IN.put(Duration.class, raw -> temporal(raw, Duration::parse, "time_delta_parsing", "Input should be a valid timedelta"));
    }

    private Conversions() {
    }

    /**
     * The built-in converter for a type: the table above, or by constant name for an enum.
     *
     * @param type the target type
     * @return the converter, {@code null} if there is no built-in conversion
     */
    public static Converter builtIn(Class<?> type) {
        Converter converter = BUILT_IN.get(type);
        if (converter == null && type.isEnum()) {
            return forEnum(type);
        }
        return converter;
    }

    /**
     * Wraps a user conversion (a {@code ParamConverter}): an {@link IllegalArgumentException} becomes
     * pydantic's {@code value_error} with the exception's message.
     *
     * @param conversion the user conversion
     * @return the converter
     */
    public static Converter custom(Function<String, ?> conversion) {
        return raw -> {
            Object value;
            try {
                value = conversion.apply(raw);
            } catch (IllegalArgumentException invalid) {
                throw new ConversionException("value_error", "Value error, " + invalid.getMessage(), Map.of("error", Map.of()));
            }
            if (value == null) {
                throw new ConversionException("value_error", "Value error, the converter returned no value", Map.of("error", Map.of()));
            }
            return value;
        };
    }

    private static void register(Class<?> boxed, Class<?> primitive, Converter converter) {
        BUILT_IN.put(boxed, converter);
        BUILT_IN.put(primitive, converter);
    }

    private static Converter integer(Function<String, ?> parser) {
        return raw -> parse(raw.strip(), parser, "int_parsing", INT_MSG);
    }

    private static Converter number(Function<String, ?> parser) {
        return raw -> {
            String text = raw.strip();
            // Double.valueOf accepts "NaN", "Infinity" and hex floats, and "1d"/"1f" suffixes; pydantic's
            // lax mode takes only decimal notation (inf/nan spelled out), so refuse the Java-only forms
            if (text.isEmpty() || !text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                throw new ConversionException("float_parsing", "Input should be a valid number, unable to parse string as a number", Map.of());
            }
            return parse(text, parser, "float_parsing", "Input should be a valid number, unable to parse string as a number");
        };
    }

    private static Object parse(String raw, Function<String, ?> parser, String type, String msg) throws ConversionException {
        try {
            return parser.apply(raw);
        } catch (NumberFormatException | ArithmeticException invalid) {
            throw new ConversionException(type, msg, Map.of());
        }
    }

    private static Object temporal(String raw, Function<String, ?> parser, String type, String msg) throws ConversionException {
        try {
            return parser.apply(raw.strip());
        } catch (DateTimeParseException invalid) {
            String error = describe(invalid);
            throw new ConversionException(type, msg + ", " + error, Map.of("error", error));
        }
    }

    private static String describe(DateTimeParseException invalid) {
        return invalid.getParsedString().isEmpty() ? "input is too short" : "invalid character at position " + invalid.getErrorIndex();
    }

    /** pydantic's lax boolean strings (case-insensitive). */
    private static Object toBoolean(String raw) throws ConversionException {
        switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on", "t", "y":
                return Boolean.TRUE;
            case "false", "0", "no", "off", "f", "n":
                return Boolean.FALSE;
            default:
                throw new ConversionException("bool_parsing", "Input should be a valid boolean, unable to interpret input", Map.of());
        }
    }

    private static Object toChar(String raw) throws ConversionException {
        if (raw.length() != 1) {
            throw new ConversionException("string_type", "Input should be a string of exactly one character", Map.of());
        }
        return raw.charAt(0);
    }

    private static Object toUuid(String raw) throws ConversionException {
        String text = raw.strip();
        // UUID.fromString accepts short groups such as "1-2-3-4-5"; pydantic wants the canonical 36 chars or 32 hex digits
        if (text.matches("[0-9a-fA-F]{32}")) {
            text = text.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5");
        }
        if (!text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw new ConversionException("uuid_parsing", "Input should be a valid UUID, invalid format", Map.of());
        }
        return UUID.fromString(text);
    }

    private static Converter forEnum(Class<?> type) {
        Object[] constants = type.getEnumConstants();
        Map<String, Object> byName = Stream.of(constants).collect(Collectors.toMap(c -> ((Enum<?>) c).name(), c -> c));
        String expected = expectedList(Stream.of(constants).map(c -> "'" + ((Enum<?>) c).name() + "'").toList());
        return raw -> {
            Object value = byName.get(raw);
            if (value == null) {
                throw new ConversionException("enum", "Input should be " + expected, Map.of("expected", expected));
            }
            return value;
        };
    }

    /** pydantic's "'a', 'b' or 'c'" form. */
    private static String expectedList(java.util.List<String> quoted) {
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
    }
}
