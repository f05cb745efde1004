package org.wsdepends.core;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The one translation of Bean Validation violations into pydantic's error types, messages and
 * contexts (design §4), for handshake values and typed messages alike. The validation itself is the
 * {@code Validator}'s; for the constraints pydantic has words for (bounds, sizes, patterns), the
 * table below words the violation as pydantic would, deciding between for example
 * {@code string_too_short} and {@code string_too_long} from the invalid value.
 */
public final class Constraints {

    private Constraints() {
    }

    /**
     * The pydantic error type, message and context for one violation.
     *
     * @param annotation the constraint annotation of the violation
     * @param value      the invalid value, may be {@code null}
     * @param message    the interpolated Bean Validation message
     * @return the failure in pydantic's terms
     */
    public static ConstraintCheck.Failure describe(Annotation annotation, Object value, String message) {
        if (value != null) {
            ConstraintCheck check = checkFor(annotation, Clock.systemUTC());
            ConstraintCheck.Failure failure;
            try {
                failure = check == null ? null : check.check(value);
            } catch (IllegalArgumentException notComparable) {
                failure = null;
            }
            if (failure != null && !failure.type().equals(snakeCase(annotation))) {
                return failure;
            }
        }
        return new ConstraintCheck.Failure(snakeCase(annotation), message, Map.of());
    }

    private static ConstraintCheck checkFor(Annotation annotation, Clock clock) {
        if (annotation instanceof Min min) {
            return bound(BigDecimal.valueOf(min.value()), true, true);
        } else if (annotation instanceof Max max) {
            return bound(BigDecimal.valueOf(max.value()), true, false);
        } else if (annotation instanceof DecimalMin min) {
            return bound(new BigDecimal(min.value()), min.inclusive(), true);
        } else if (annotation instanceof DecimalMax max) {
            return bound(new BigDecimal(max.value()), max.inclusive(), false);
        } else if (annotation instanceof Positive) {
            return bound(BigDecimal.ZERO, false, true);
        } else if (annotation instanceof PositiveOrZero) {
            return bound(BigDecimal.ZERO, true, true);
        } else if (annotation instanceof Negative) {
            return bound(BigDecimal.ZERO, false, false);
        } else if (annotation instanceof NegativeOrZero) {
            return bound(BigDecimal.ZERO, true, false);
        } else if (annotation instanceof Size size) {
            return size(size.min(), size.max());
        } else if (annotation instanceof jakarta.validation.constraints.Pattern pattern) {
            return pattern(pattern);
        } else if (annotation instanceof NotBlank) {
            return other(annotation, value -> !(value instanceof CharSequence text) || !text.toString().isBlank(), "must not be blank");
        } else if (annotation instanceof NotEmpty) {
            return other(annotation, value -> length(value) != 0, "must not be empty");
        } else if (annotation instanceof NotNull) {
            return value -> null;
        } else if (annotation instanceof AssertTrue) {
            return other(annotation, Boolean.TRUE::equals, "must be true");
        } else if (annotation instanceof AssertFalse) {
            return other(annotation, Boolean.FALSE::equals, "must be false");
        } else if (annotation instanceof Digits digits) {
            return other(annotation, value -> digitsFit(value, digits),
                    "numeric value out of bounds (<" + digits.integer() + " digits>.<" + digits.fraction() + " digits> expected)");
        } else if (annotation instanceof Past) {
            return other(annotation, value -> compareToNow(value, clock) < 0, "must be a past date");
        } else if (annotation instanceof PastOrPresent) {
            return other(annotation, value -> compareToNow(value, clock) <= 0, "must be a date in the past or in the present");
        } else if (annotation instanceof Future) {
            return other(annotation, value -> compareToNow(value, clock) > 0, "must be a future date");
        } else if (annotation instanceof FutureOrPresent) {
            return other(annotation, value -> compareToNow(value, clock) >= 0, "must be a date in the present or in the future");
        }
        return null;
    }

    private static ConstraintCheck bound(BigDecimal limit, boolean inclusive, boolean lower) {
        Number shown = limit.scale() <= 0 ? (Number) limit.toBigIntegerExact() : limit;
        String type;
        String msg;
        String key;
        if (lower) {
            type = inclusive ? "greater_than_equal" : "greater_than";
            msg = inclusive ? "Input should be greater than or equal to " : "Input should be greater than ";
            key = inclusive ? "ge" : "gt";
        } else {
            type = inclusive ? "less_than_equal" : "less_than";
            msg = inclusive ? "Input should be less than or equal to " : "Input should be less than ";
            key = inclusive ? "le" : "lt";
        }
        ConstraintCheck.Failure failure = new ConstraintCheck.Failure(type, msg + shown.toString(), Map.of(key, shown));
        return value -> {
            BigDecimal number = toDecimal(value);
            if (number == null) {
                return null;
            }
            int comparison = number.compareTo(limit);
            boolean ok = lower ? (inclusive ? comparison >= 0 : comparison > 0) : (inclusive ? comparison <= 0 : comparison < 0);
            return ok ? null : failure;
        };
    }

    private static ConstraintCheck size(int min, int max) {
        return value -> {
            int length = length(value);
            if (length < 0) {
                return null;
            }
            boolean text = value instanceof CharSequence;
            if (length < min) {
                return text
                        ? new ConstraintCheck.Failure("string_too_short",
                                "String should have at least " + plural(min, "character"), Map.of("min_length", min))
                        : collectionFailure(value, "too_short", "at least", min, length, "min_length");
            }
            if (length > max) {
                return text
                        ? new ConstraintCheck.Failure("string_too_long",
                                "String should have at most " + plural(max, "character"), Map.of("max_length", max))
                        : collectionFailure(value, "too_long", "at most", max, length, "max_length");
            }
            return null;
        };
    }

    private static ConstraintCheck.Failure collectionFailure(Object value, String type, String relation, int limit, int actual,
            String key) {
        String fieldType = value instanceof java.util.Set ? "Set" : value instanceof Map ? "Dictionary" : "List";
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("field_type", fieldType);
        ctx.put(key, limit);
        ctx.put("actual_length", actual);
        return new ConstraintCheck.Failure(type,
                fieldType + " should have " + relation + " " + plural(limit, "item") + " after validation, not " + actual, ctx);
    }

    private static ConstraintCheck pattern(jakarta.validation.constraints.Pattern annotation) {
        int flags = 0;
        for (jakarta.validation.constraints.Pattern.Flag flag : annotation.flags()) {
            flags |= flag.getValue();
        }
        Pattern compiled = Pattern.compile(annotation.regexp(), flags);
        ConstraintCheck.Failure failure = new ConstraintCheck.Failure("string_pattern_mismatch",
                "String should match pattern '" + annotation.regexp() + "'", Map.of("pattern", annotation.regexp()));
        return value -> value instanceof CharSequence text && !compiled.matcher(text).matches() ? failure : null;
    }

    private static ConstraintCheck other(Annotation annotation, java.util.function.Predicate<Object> valid, String defaultMessage) {
        ConstraintCheck.Failure failure = new ConstraintCheck.Failure(snakeCase(annotation), message(annotation, defaultMessage), Map.of());
        return value -> valid.test(value) ? null : failure;
    }

    /** A user-written {@code message} wins over Bean Validation's default English message. */
    private static String message(Annotation annotation, String defaultMessage) {
        try {
            String message = (String) annotation.annotationType().getMethod("message").invoke(annotation);
            return message.startsWith("{jakarta.validation.constraints.") ? defaultMessage : message;
        } catch (ReflectiveOperationException | ClassCastException noMessage) {
            return defaultMessage;
        }
    }

    static String snakeCase(Annotation annotation) {
        String name = annotation.annotationType().getSimpleName();
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static BigDecimal toDecimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        } else if (value instanceof java.math.BigInteger integer) {
            return new BigDecimal(integer);
        } else if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString());
        } else if (value instanceof Number number) {
            return BigDecimal.valueOf(number.longValue());
        } else if (value instanceof CharSequence text) {
            try {
                return new BigDecimal(text.toString());
            } catch (NumberFormatException notNumeric) {
                return null;
            }
        }
        return null;
    }

    private static int length(Object value) {
        if (value instanceof CharSequence text) {
            return text.length();
        } else if (value instanceof Collection<?> collection) {
            return collection.size();
        } else if (value instanceof Map<?, ?> map) {
            return map.size();
        }
        return -1;
    }

    private static boolean digitsFit(Object value, Digits digits) {
        BigDecimal number = toDecimal(value);
        if (number == null) {
            return true;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        int fraction = Math.max(stripped.scale(), 0);
        int integer = stripped.precision() - stripped.scale();
        return integer <= digits.integer() && fraction <= digits.fraction();
    }

    private static int compareToNow(Object value, Clock clock) {
        if (value instanceof Instant instant) {
            return instant.compareTo(clock.instant());
        } else if (value instanceof LocalDateTime dateTime) {
            return dateTime.compareTo(LocalDateTime.now(clock));
        } else if (value instanceof LocalDate date) {
            return date.compareTo(LocalDate.now(clock));
        } else if (value instanceof Temporal) {
            throw new IllegalArgumentException("unsupported temporal type " + value.getClass().getName());
        }
        return 0;
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
