package org.wsdepends.core;

import java.io.StringReader;
import java.math.BigDecimal;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

/**
 * The bounds a typed JSON message must keep before JSON-B sees it: one well-formed value with nothing
 * after it, nested at most {@code maxDepth} deep, and numbers of at most {@code maxNumberLength}
 * characters whose exponent keeps them within {@code 10^±maxNumberLength}. JSON-B (Yasson) reads
 * nesting recursively, so an unbounded depth ends in a {@code StackOverflowError}; and a short number
 * such as {@code 1e100000000} turned into a {@code BigInteger} takes minutes and gigabytes. Magnitudes
 * are bounded by {@code 10^±400}, which holds every {@code double}.
 *
 * @param maxDepth        the deepest nesting of arrays and objects allowed
 * @param maxNumberLength the longest number literal allowed
 */
public record JsonLimits(int maxDepth, int maxNumberLength) {

    private static final int MAX_EXPONENT = 400;

    /** The defaults: 64 levels (pydantic-core's recursion guard allows a few hundred), 100-character numbers. */
    public static final JsonLimits DEFAULT = new JsonLimits(64, 100);

    /**
     * The limits a deployment sets: {@code org.wsdepends.max-json-depth} and
     * {@code org.wsdepends.max-json-number-length}, each defaulting to {@link #DEFAULT}'s.
     *
     * @param settings the deployment's settings
     * @return the limits
     * @throws IllegalArgumentException naming the key, for a value that is no whole number from 1 to 10,000
     */
    public static JsonLimits of(Settings settings) {
        return new JsonLimits(settings.count("max-json-depth", DEFAULT.maxDepth(), 10_000),
                settings.count("max-json-number-length", DEFAULT.maxNumberLength(), 10_000));
    }

    /** What is wrong with a message, with the close code it calls for. */
    public record Violation(int code, String reason) {
    }

    /**
     * @param text the message
     * @return {@code null} if it keeps the bounds; else 1007 {@code Invalid JSON} for text that is not one
     *         well-formed JSON value, 1009 for too deep a nesting or too long or large a number
     */
    public Violation check(String text) {
        int depth = 0;
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_ARRAY, START_OBJECT -> {
                        if (++depth > maxDepth) {
                            return new Violation(1009, "JSON nested deeper than " + maxDepth + " levels");
                        }
                    }
                    case END_ARRAY, END_OBJECT -> depth--;
                    case VALUE_NUMBER -> {
                        if (!withinBounds(parser.getString(), parser)) {
                            return new Violation(1009, "JSON number too long or too large");
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (JsonParsingException | IllegalStateException malformed) {
            return new Violation(1007, "Invalid JSON");
        }
        return null;
    }

    private boolean withinBounds(String literal, JsonParser parser) {
        if (literal.length() > maxNumberLength) {
            return false;
        }
        BigDecimal number = parser.getBigDecimal();
        return number.precision() - number.scale() <= MAX_EXPONENT && number.scale() <= MAX_EXPONENT;
    }
}
