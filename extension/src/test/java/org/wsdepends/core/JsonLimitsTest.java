package org.wsdepends.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Typed JSON messages are bounded before JSON-B reads them (issue 10). */
class JsonLimitsTest {

    private static final JsonLimits LIMITS = JsonLimits.DEFAULT;
    private static final JsonLimits.Violation INVALID = new JsonLimits.Violation(1007, "Invalid JSON");
    private static final JsonLimits.Violation TOO_DEEP = new JsonLimits.Violation(1009, "JSON nested deeper than 64 levels");
    private static final JsonLimits.Violation TOO_LARGE = new JsonLimits.Violation(1009, "JSON number too long or too large");

    @Test
    void wellFormedMessagesWithinTheBoundsPass() {
        assertThat(LIMITS.check("{\"x\":1,\"y\":[1.5,-2e10,\"s\",null,true],\"z\":{\"a\":{}}}")).isNull();
        assertThat(LIMITS.check("  [1.7976931348623157E308, 4.9E-324]  ")).as("every double").isNull();
        assertThat(LIMITS.check("[".repeat(64) + "]".repeat(64))).isNull();
    }

    @Test
    void anythingAfterTheValueIsInvalid() {
        assertThat(LIMITS.check("{\"x\":1} trailing")).isEqualTo(INVALID);
        assertThat(LIMITS.check("{\"x\":1}{\"x\":2}")).isEqualTo(INVALID);
        assertThat(LIMITS.check("{\"x\":")).isEqualTo(INVALID);
        assertThat(LIMITS.check("")).isEqualTo(INVALID);
    }

    @Test
    void nestingBeyondTheLimitIsRefusedWithoutRecursion() {
        assertThat(LIMITS.check("[".repeat(65) + "]".repeat(65))).isEqualTo(TOO_DEEP);
        assertThat(LIMITS.check("[".repeat(100_000))).isEqualTo(TOO_DEEP);
        assertThat(LIMITS.check("{\"a\":".repeat(100_000))).isEqualTo(TOO_DEEP);
        assertThat(new JsonLimits(2, 100).check("[[[]]]")).isEqualTo(new JsonLimits.Violation(1009, "JSON nested deeper than 2 levels"));
    }

    @Test
    void hugeExponentsAndLongNumbersAreRefusedBeforeAnyConversion() {
        assertThat(LIMITS.check("{\"n\":1e100000000}")).isEqualTo(TOO_LARGE);
        assertThat(LIMITS.check("{\"n\":1e-100000000}")).isEqualTo(TOO_LARGE);
        assertThat(LIMITS.check("{\"n\":" + "9".repeat(101) + "}")).isEqualTo(TOO_LARGE);
        assertThat(LIMITS.check("{\"n\":" + "9".repeat(100) + "}")).isNull();
    }

    @Test
    void theLimitsAreSettingsWithTheirDefaults() {
        assertThat(JsonLimits.of(Settings.of(key -> null, null))).isEqualTo(JsonLimits.DEFAULT);
        assertThat(JsonLimits.of(Settings.of(java.util.Map.of("org.wsdepends.max-json-depth", "2",
                "org.wsdepends.max-json-number-length", "20")::get, null))).isEqualTo(new JsonLimits(2, 20));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonLimits.of(Settings.of(
                java.util.Map.of("org.wsdepends.max-json-depth", "deep")::get, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("org.wsdepends.max-json-depth").hasMessageContaining("\"deep\"");
    }
}
