package org.wsdepends.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Reads wsdepends' settings (design §3): every setting is a key {@code org.wsdepends.<name>}, looked up in a
 * source the container gives first (a servlet context parameter; on the embedded runtime, the builder), then as a
 * system property, then in {@code META-INF/wsdepends.properties}. An invalid value fails with a message naming the
 * key, the value and what is expected.
 */
public final class Settings {

    /** The prefix of every key. */
    public static final String PREFIX = "org.wsdepends.";

    /** The name of the key of rejection before the upgrade. */
    public static final String REJECT = "reject";

    private static final String FILE = "META-INF/wsdepends.properties";

    private final UnaryOperator<String> first;
    private final Properties file;

    private Settings(UnaryOperator<String> first, Properties file) {
        this.first = first;
        this.file = file;
    }

    /**
     * The settings of a deployment; reads the properties file now.
     *
     * @param first  looks a full key up in the container's own source, {@code null} if it has none
     * @param loader the deployment's class loader, {@code null} for no properties file
     * @return the settings
     * @throws UncheckedIOException if the properties file exists but cannot be read
     */
    public static Settings of(UnaryOperator<String> first, ClassLoader loader) {
        Properties file = new Properties();
        if (loader != null) {
            try (InputStream in = loader.getResourceAsStream(FILE)) {
                if (in != null) {
                    file.load(in);
                }
            } catch (IOException unreadable) {
                throw new UncheckedIOException("Cannot read " + FILE, unreadable);
            }
        }
        return new Settings(first, file);
    }

    /**
     * The settings of a WAR: its servlet context parameters (read from its {@code WEB-INF/web.xml}, since
     * wsdepends decides while CDI starts, before a {@code ServletContext} exists) come first.
     *
     * @param warClass a class of the WAR, to find its {@code web.xml}; {@code null} outside a WAR
     * @param loader   the deployment's class loader
     * @return the settings
     * @throws IllegalStateException if the {@code web.xml} cannot be read
     * @throws UncheckedIOException  if the properties file exists but cannot be read
     */
    public static Settings ofWar(Class<?> warClass, ClassLoader loader) {
        Map<String, String> contextParams = warClass == null ? Map.of() : WebXml.contextParams(warClass);
        return of(contextParams::get, loader);
    }

    /**
     * @param name the key without the prefix, for example {@code "max-message-size"}
     * @return the stripped value from the first source that has the key, {@code null} if none has it
     */
    public String value(String name) {
        String key = PREFIX + name;
        String value = first.apply(key);
        if (value == null) {
            value = System.getProperty(key);
        }
        if (value == null) {
            value = file.getProperty(key);
        }
        return value == null ? null : value.strip();
    }

    /**
     * A size in bytes: a whole number, optionally followed by {@code KiB}, {@code MiB} or {@code GiB}.
     *
     * @param name         the key without the prefix
     * @param defaultValue the value when no source has the key
     * @param max          the largest value allowed; the smallest is 1
     * @return the size
     * @throws IllegalArgumentException naming the key if the value is not a size between 1 and {@code max}
     */
    public long size(String name, long defaultValue, long max) {
        String value = value(name);
        if (value == null) {
            return defaultValue;
        }
        String number = value;
        long unit = 1;
        String lower = value.toLowerCase(Locale.ROOT);
        String[] suffixes = {"kib", "mib", "gib"};
        for (int i = 0; i < suffixes.length; i++) {
            if (lower.endsWith(suffixes[i])) {
                number = value.substring(0, value.length() - 3).strip();
                unit = 1L << (10 * (i + 1));
                break;
            }
        }
        try {
            long size = Math.multiplyExact(Long.parseLong(number), unit);
            if (size >= 1 && size <= max) {
                return size;
            }
        } catch (NumberFormatException | ArithmeticException notASize) {
            // reported below
        }
        throw invalid(name, value, "a size in bytes between 1 and " + max + " (for example 1048576 or 1MiB)",
                Long.toString(defaultValue));
    }

    /**
     * A count: a whole number.
     *
     * @param name         the key without the prefix
     * @param defaultValue the value when no source has the key
     * @param max          the largest value allowed; the smallest is 1
     * @return the count
     * @throws IllegalArgumentException naming the key if the value is not a whole number between 1 and {@code max}
     */
    public int count(String name, int defaultValue, int max) {
        String value = value(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int count = Integer.parseInt(value);
            if (count >= 1 && count <= max) {
                return count;
            }
        } catch (NumberFormatException notACount) {
            // reported below
        }
        throw invalid(name, value, "a whole number between 1 and " + max, Integer.toString(defaultValue));
    }

    /**
     * A positive duration: a whole number followed by {@code ms} or {@code s}, or an ISO-8601 duration such as
     * {@code PT10S}.
     *
     * @param name         the key without the prefix
     * @param defaultValue the value when no source has the key
     * @return the duration
     * @throws IllegalArgumentException naming the key if the value is not a positive duration
     */
    public Duration duration(String name, Duration defaultValue) {
        String value = value(name);
        if (value == null) {
            return defaultValue;
        }
        Duration duration = null;
        String lower = value.toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith("ms")) {
                duration = Duration.ofMillis(Long.parseLong(lower.substring(0, lower.length() - 2).strip()));
            } else if (lower.endsWith("s") && !lower.startsWith("p")) {
                duration = Duration.ofSeconds(Long.parseLong(lower.substring(0, lower.length() - 1).strip()));
            } else {
                duration = Duration.parse(value);
            }
        } catch (NumberFormatException | DateTimeParseException notADuration) {
            // reported below
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw invalid(name, value, "a positive duration (for example 10s, 500ms or PT10S)",
                    defaultValue.toMillis() + "ms");
        }
        return duration;
    }

    /**
     * The deployment's default for rejection before the upgrade, {@code org.wsdepends.reject}: {@code http} answers
     * a failed handshake with an HTTP status before the upgrade, {@code close} (the default) accepts it, sends the
     * error frame and closes with 1008. An endpoint's {@code @RejectBeforeUpgrade} wins over it.
     *
     * @return whether endpoints reject before the upgrade unless they say otherwise
     * @throws IllegalArgumentException with WSD-0402 naming the key, for another value
     */
    public boolean rejectsBeforeUpgrade() {
        String value = value(REJECT);
        if (value == null || value.equalsIgnoreCase("close")) {
            return false;
        }
        if (value.equalsIgnoreCase("http")) {
            return true;
        }
        throw new IllegalArgumentException(Messages.invalidSetting(PREFIX + REJECT, value, "http or close"));
    }

    private static IllegalArgumentException invalid(String name, String value, String expected, String defaultValue) {
        return new IllegalArgumentException("Invalid value \"" + value + "\" for " + PREFIX + name + ": expected "
                + expected + "; remove the setting for the default, " + defaultValue);
    }
}
