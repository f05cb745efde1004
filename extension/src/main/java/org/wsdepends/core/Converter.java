package org.wsdepends.core;

/**
 * Converts one raw handshake string to a value of the injection point's (element) type.
 */
@FunctionalInterface
public interface Converter {

    /**
     * @param raw the raw, percent-decoded value, never {@code null}
     * @return the converted value, never {@code null}
     * @throws ConversionException if the value is not of the expected form
     */
    Object convert(String raw) throws ConversionException;
}
