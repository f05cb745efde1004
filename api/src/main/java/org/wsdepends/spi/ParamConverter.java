package org.wsdepends.spi;

/**
 * Converts a raw handshake string (query parameter, header, cookie or path variable) to a type the
 * built-in conversions do not cover.
 *
 * <p>Implement it as a CDI bean whose bean type is {@code ParamConverter<T>} for a concrete
 * {@code T}; wsdepends looks it up at deployment for every injection point of type {@code T} (also
 * inside {@code Optional<T>}, {@code List<T>} and {@code Set<T>}). A converter bean replaces the
 * built-in conversion of the same type. An injection point of a type with no built-in conversion and
 * no converter fails the deployment.
 *
 * <pre>
 * &#64;ApplicationScoped
 * public class ColorConverter implements ParamConverter&lt;Color&gt; {
 *     public Color fromString(String value) { return Color.decode(value); }
 * }
 * </pre>
 *
 * @param <T> the target type
 */
public interface ParamConverter<T> {

    /**
     * Converts one raw value. Called once per value per connection (or message), possibly on several
     * threads at once.
     *
     * @param value the raw, already percent-decoded value, never {@code null}
     * @return the converted value, not {@code null}
     * @throws IllegalArgumentException if the value is not valid; reported as a {@code value_error}
     *                                  with the exception's message
     */
    T fromString(String value);
}
