package org.wsdepends.core;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;

import org.wsdepends.ValidationError;

/**
 * FastAPI's wire forms of validation errors: the compact JSON array, the {@code {"detail":[...]}}
 * error frame, and close reasons that fit the 123 bytes of a close frame.
 */
public final class ErrorReports {

    /** RFC 6455 section 5.5: a control frame carries 125 bytes, 2 of them the close code. */
    public static final int MAX_REASON_BYTES = 123;

    private static final String ELLIPSIS = "...";
    private static final JsonGeneratorFactory JSON = Json.createGeneratorFactory(Map.of());

    private ErrorReports() {
    }

    /**
     * The compact JSON array of the errors, keys in FastAPI's order ({@code type, loc, msg, input,
     * ctx}), {@code ctx} left out when empty.
     *
     * @param errors the errors
     * @return the JSON text
     */
    public static String toJson(List<ValidationError> errors) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            writeErrors(json.writeStartArray(), errors);
            json.writeEnd();
        }
        return out.toString();
    }

    /**
     * The error frame sent before a validation close: {@code {"detail":[...errors]}}.
     *
     * @param errors the errors
     * @return the JSON text
     */
    public static String detailFrame(List<ValidationError> errors) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            writeErrors(json.writeStartObject().writeStartArray("detail"), errors);
            json.writeEnd().writeEnd();
        }
        return out.toString();
    }

    /**
     * The close reason for a validation close: the compact JSON array when it fits in 123 UTF-8
     * bytes, otherwise its beginning (which starts with the first error's type and loc) cut on a
     * character boundary and ended with {@code ...}.
     *
     * @param errors the errors
     * @return a reason of at most 123 UTF-8 bytes
     */
    public static String closeReason(List<ValidationError> errors) {
        return shorten(toJson(errors));
    }

    /**
     * Shortens a close reason to 123 UTF-8 bytes: unchanged when it fits, else cut on a character
     * (code point) boundary and ended with {@code ...}.
     *
     * @param reason the reason, {@code null} means {@code ""}
     * @return a reason of at most 123 UTF-8 bytes
     */
    public static String shorten(String reason) {
        if (reason == null) {
            return "";
        }
        if (reason.length() <= MAX_REASON_BYTES / 3 || utf8Length(reason) <= MAX_REASON_BYTES) {
            return reason;
        }
        int budget = MAX_REASON_BYTES - ELLIPSIS.length();
        int bytes = 0;
        int end = 0;
        while (end < reason.length()) {
            int codePoint = reason.codePointAt(end);
            int size = utf8Length(codePoint);
            if (bytes + size > budget) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return reason.substring(0, end) + ELLIPSIS;
    }

    /**
     * @param text any text
     * @return its length in UTF-8 bytes
     */
    public static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static int utf8Length(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }

    private static void writeErrors(JsonGenerator json, List<ValidationError> errors) {
        for (ValidationError error : errors) {
            json.writeStartObject().write("type", error.type()).writeKey("loc");
            writeValue(json, error.loc());
            json.write("msg", error.msg()).writeKey("input");
            writeValue(json, error.input());
            if (!error.ctx().isEmpty()) {
                json.writeKey("ctx");
                writeValue(json, error.ctx());
            }
            json.writeEnd();
        }
    }

    private static void writeValue(JsonGenerator json, Object value) {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.write(text);
        } else if (value instanceof Boolean bool) {
            json.write(bool);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            json.write(((Number) value).longValue());
        } else if (value instanceof BigInteger integer) {
            json.write(integer);
        } else if (value instanceof BigDecimal decimal) {
            json.write(decimal);
        } else if (value instanceof Number number) {
            json.write(number.doubleValue());
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            map.forEach((key, item) -> {
                json.writeKey(String.valueOf(key));
                writeValue(json, item);
            });
            json.writeEnd();
        } else if (value instanceof Iterable<?> items) {
            json.writeStartArray();
            items.forEach(item -> writeValue(json, item));
            json.writeEnd();
        } else {
            json.write(String.valueOf(value));
        }
    }
}
