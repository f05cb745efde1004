package org.wsdepends.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wsdepends.ValidationError;

class ConversionsTest {

    private static final String INT_MSG = "Input should be a valid integer, unable to parse string as an integer";
    private static final String FLOAT_MSG = "Input should be a valid number, unable to parse string as a number";
    private static final String BOOL_MSG = "Input should be a valid boolean, unable to interpret input";

    enum Model { alexnet, resnet, lenet }

    enum Pair { A, B }

    enum Only { ONLY }

    private static Object convert(Class<?> type, String raw) throws ConversionException {
        return Conversions.builtIn(type).convert(raw);
    }

    private static ConversionException failure(Class<?> type, String raw) {
        return catchThrowableOfType(ConversionException.class, () -> convert(type, raw));
    }

    /** The error as FastAPI would put it on the wire, for a value read from query parameter {@code p}. */
    private static String wire(ConversionException failure, String raw) {
        return ErrorReports.toJson(List.of(new ValidationError(failure.type(), List.of("query", "p"), failure.getMessage(), raw,
                failure.ctx())));
    }

    @Test
    void stringIsTakenAsIs() throws Exception {
        assertThat(convert(String.class, " a b ")).isEqualTo(" a b ");
        assertThat(convert(String.class, "")).isEqualTo("");
    }

    @Test
    void integersParseWithSurroundingWhitespaceAndSign() throws Exception {
        assertThat(convert(int.class, "42")).isEqualTo(42);
        assertThat(convert(Integer.class, " -7 ")).isEqualTo(-7);
        assertThat(convert(Integer.class, "+7")).isEqualTo(7);
        assertThat(convert(long.class, "9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(convert(Long.class, "2147483648")).isEqualTo(2147483648L);
        assertThat(convert(short.class, "-32768")).isEqualTo((short) -32768);
        assertThat(convert(Byte.class, "127")).isEqualTo((byte) 127);
        assertThat(convert(BigInteger.class, "123456789012345678901234567890"))
                .isEqualTo(new BigInteger("123456789012345678901234567890"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "", " ", "abc", "1e3", "0x10", "2147483648", "1 000"})
    void badIntegersGiveIntParsing(String raw) {
        ConversionException failure = failure(int.class, raw);

        assertThat(failure.type()).isEqualTo("int_parsing");
        assertThat(failure.getMessage()).isEqualTo(INT_MSG);
        assertThat(failure.ctx()).isEmpty();
    }

    @Test
    void intParsingErrorIsFastApisExactShape() {
        assertThat(wire(failure(Integer.class, "bar"), "bar")).isEqualTo(
                "[{\"type\":\"int_parsing\",\"loc\":[\"query\",\"p\"],\"msg\":\"" + INT_MSG + "\",\"input\":\"bar\"}]");
    }

    @Test
    void outOfRangeForTheJavaTypeIsIntParsing() {
        assertThat(failure(byte.class, "128").type()).isEqualTo("int_parsing");
        assertThat(failure(short.class, "40000").type()).isEqualTo("int_parsing");
        assertThat(failure(long.class, "9223372036854775808").type()).isEqualTo("int_parsing");
        assertThat(failure(BigInteger.class, "1.0").type()).isEqualTo("int_parsing");
    }

    @Test
    void floatsTakeDecimalNotationOnly() throws Exception {
        assertThat(convert(double.class, "1.5")).isEqualTo(1.5d);
        assertThat(convert(Double.class, " -2e3 ")).isEqualTo(-2000d);
        assertThat(convert(double.class, ".5")).isEqualTo(0.5d);
        assertThat(convert(double.class, "5.")).isEqualTo(5d);
        assertThat(convert(double.class, "+1E-2")).isEqualTo(0.01d);
        assertThat(convert(float.class, "0.25")).isEqualTo(0.25f);
        assertThat(convert(Float.class, "7")).isEqualTo(7f);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "NaN", "Infinity", "-Infinity", "0x1p3", "1d", "1f", "1.5.5", "e5", "abc", "."})
    void javaOnlyOrBadFloatFormsGiveFloatParsing(String raw) {
        ConversionException failure = failure(double.class, raw);

        assertThat(failure.type()).isEqualTo("float_parsing");
        assertThat(failure.getMessage()).isEqualTo(FLOAT_MSG);
        assertThat(failure.ctx()).isEmpty();
        assertThat(failure(float.class, raw).type()).isEqualTo("float_parsing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "True", "1", "yes", " Yes ", "on", "t", "y", "Y"})
    void pydanticTrueStrings(String raw) throws Exception {
        assertThat(convert(boolean.class, raw)).isEqualTo(Boolean.TRUE);
        assertThat(convert(Boolean.class, raw)).isEqualTo(Boolean.TRUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "False", "0", "no", "off", "OFF", "f", "n"})
    void pydanticFalseStrings(String raw) throws Exception {
        assertThat(convert(boolean.class, raw)).isEqualTo(Boolean.FALSE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2", "truthy", "nope", "-1", "ja"})
    void otherBooleanStringsGiveBoolParsing(String raw) {
        ConversionException failure = failure(Boolean.class, raw);

        assertThat(failure.type()).isEqualTo("bool_parsing");
        assertThat(failure.getMessage()).isEqualTo(BOOL_MSG);
        assertThat(failure.ctx()).isEmpty();
    }

    @Test
    void characterNeedsExactlyOneChar() throws Exception {
        assertThat(convert(char.class, "x")).isEqualTo('x');
        assertThat(convert(Character.class, " ")).isEqualTo(' ');
        ConversionException failure = failure(char.class, "xy");
        assertThat(failure.type()).isEqualTo("string_type");
        assertThat(failure.getMessage()).isEqualTo("Input should be a string of exactly one character");
        assertThat(failure(Character.class, "").type()).isEqualTo("string_type");
    }

    @Test
    void bigDecimalKeepsTheScaleSent() throws Exception {
        assertThat(convert(BigDecimal.class, "1.50")).isEqualTo(new BigDecimal("1.50"));
        assertThat(convert(BigDecimal.class, "-3e2")).isEqualTo(new BigDecimal("-3e2"));
        ConversionException failure = failure(BigDecimal.class, "abc");
        assertThat(failure.type()).isEqualTo("decimal_parsing");
        assertThat(failure.getMessage()).isEqualTo("Input should be a valid decimal");
        assertThat(failure.ctx()).isEmpty();
    }

    @Test
    void bigDecimalIgnoresSurroundingWhitespaceLikeTheOtherNumbers() throws Exception {
        assertThat(convert(BigDecimal.class, " 1.5 ")).isEqualTo(new BigDecimal("1.5"));
    }

    @Test
    void uuidTakesCanonicalOrThirtyTwoHexDigits() throws Exception {
        UUID expected = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

        assertThat(convert(UUID.class, "123e4567-e89b-12d3-a456-426614174000")).isEqualTo(expected);
        assertThat(convert(UUID.class, "123E4567-E89B-12D3-A456-426614174000")).isEqualTo(expected);
        assertThat(convert(UUID.class, "123e4567e89b12d3a456426614174000")).isEqualTo(expected);
        assertThat(convert(UUID.class, " 123e4567-e89b-12d3-a456-426614174000 ")).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1-2-3-4-5", "", "123e4567-e89b-12d3-a456-42661417400", "123e4567-e89b-12d3-a456-4266141740000",
            "g23e4567-e89b-12d3-a456-426614174000", "123e4567e89b12d3a45642661417400"})
    void otherUuidFormsGiveUuidParsing(String raw) {
        ConversionException failure = failure(UUID.class, raw);

        assertThat(failure.type()).isEqualTo("uuid_parsing");
        assertThat(failure.getMessage()).isEqualTo("Input should be a valid UUID, invalid format");
    }

    @Test
    void javaTimeTypesParseIso8601() throws Exception {
        assertThat(convert(Instant.class, "2024-01-02T03:04:05Z")).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(convert(Instant.class, " 2024-01-02T03:04:05.5Z ")).isEqualTo(Instant.parse("2024-01-02T03:04:05.500Z"));
        assertThat(convert(LocalDateTime.class, "2024-01-02T03:04")).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4));
        assertThat(convert(LocalDate.class, "2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(convert(Duration.class, "PT1H30M")).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void emptyTemporalInputIsTooShort() {
        ConversionException date = failure(LocalDate.class, "");
        assertThat(date.type()).isEqualTo("date_parsing");
        assertThat(date.getMessage()).isEqualTo("Input should be a valid date in the format YYYY-MM-DD, input is too short");

        ConversionException dateTime = failure(Instant.class, " ");
        assertThat(dateTime.type()).isEqualTo("datetime_parsing");
        assertThat(dateTime.getMessage()).isEqualTo("Input should be a valid datetime, input is too short");

        ConversionException duration = failure(Duration.class, "");
        assertThat(duration.type()).isEqualTo("time_delta_parsing");
        assertThat(duration.getMessage()).isEqualTo("Input should be a valid timedelta, input is too short");
    }

    @Test
    void badTemporalInputNamesThePosition() {
        ConversionException date = failure(LocalDate.class, "2024-1x-01");
        assertThat(date.type()).isEqualTo("date_parsing");
        assertThat(date.getMessage()).isEqualTo("Input should be a valid date in the format YYYY-MM-DD, invalid character at position 5");

        ConversionException dateTime = failure(LocalDateTime.class, "2024-01-02 03:04");
        assertThat(dateTime.type()).isEqualTo("datetime_parsing");
        assertThat(dateTime.getMessage()).isEqualTo("Input should be a valid datetime, invalid character at position 10");

        ConversionException duration = failure(Duration.class, "1h");
        assertThat(duration.type()).isEqualTo("time_delta_parsing");
        assertThat(duration.getMessage()).startsWith("Input should be a valid timedelta, invalid character at position ");
    }

    @Test
    void temporalErrorsCarryAnErrorContext() {
        assertThat(failure(LocalDate.class, "nope").ctx()).containsOnlyKeys("error");
    }

    @Test
    void temporalContextErrorIsTheMessageSuffix() {
        ConversionException failure = failure(LocalDate.class, "");

        assertThat(failure.ctx()).isEqualTo(Map.of("error", "input is too short"));
        assertThat(wire(failure, "")).isEqualTo("[{\"type\":\"date_parsing\",\"loc\":[\"query\",\"p\"],"
                + "\"msg\":\"Input should be a valid date in the format YYYY-MM-DD, input is too short\",\"input\":\"\","
                + "\"ctx\":{\"error\":\"input is too short\"}}]");
    }

    @Test
    void enumsConvertByExactConstantName() throws Exception {
        assertThat(convert(Model.class, "resnet")).isEqualTo(Model.resnet);
        assertThat(convert(Pair.class, "B")).isEqualTo(Pair.B);
    }

    @Test
    void unknownEnumNameIsFastApisEnumError() {
        ConversionException failure = failure(Model.class, "foo");

        assertThat(wire(failure, "foo")).isEqualTo("[{\"type\":\"enum\",\"loc\":[\"query\",\"p\"],"
                + "\"msg\":\"Input should be 'alexnet', 'resnet' or 'lenet'\",\"input\":\"foo\","
                + "\"ctx\":{\"expected\":\"'alexnet', 'resnet' or 'lenet'\"}}]");
    }

    @Test
    void enumExpectedListForOneAndTwoConstants() {
        assertThat(failure(Pair.class, "a").getMessage()).isEqualTo("Input should be 'A' or 'B'");
        assertThat(failure(Pair.class, "a").ctx()).isEqualTo(Map.of("expected", "'A' or 'B'"));
        assertThat(failure(Only.class, " ONLY").getMessage()).isEqualTo("Input should be 'ONLY'");
    }

    @Test
    void typesWithoutBuiltInConversionGiveNull() {
        assertThat(Conversions.builtIn(Object.class)).isNull();
        assertThat(Conversions.builtIn(LocalTime.class)).isNull();
        assertThat(Conversions.builtIn(List.class)).isNull();
        assertThat(Conversions.builtIn(int[].class)).isNull();
    }

    @Test
    void customConversionReturnsTheValue() throws Exception {
        assertThat(Conversions.custom(raw -> raw.length()).convert("abcd")).isEqualTo(4);
    }

    @Test
    void customIllegalArgumentBecomesValueErrorLikeFastApiTutorial015() {
        Converter converter = Conversions.custom(raw -> {
            throw new IllegalArgumentException("Invalid ID format, it must start with \"isbn-\" or \"imdb-\"");
        });

        ConversionException failure = catchThrowableOfType(ConversionException.class, () -> converter.convert("wtf-yes"));

        assertThat(ErrorReports.toJson(List.of(new ValidationError(failure.type(), List.of("query", "id"), failure.getMessage(),
                "wtf-yes", failure.ctx())))).isEqualTo("[{\"type\":\"value_error\",\"loc\":[\"query\",\"id\"],"
                        + "\"msg\":\"Value error, Invalid ID format, it must start with \\\"isbn-\\\" or \\\"imdb-\\\"\","
                        + "\"input\":\"wtf-yes\",\"ctx\":{\"error\":{}}}]");
    }

    @Test
    void customNumberFormatExceptionIsAlsoAValueError() {
        Converter converter = Conversions.custom(Integer::valueOf);

        ConversionException failure = catchThrowableOfType(ConversionException.class, () -> converter.convert("x"));

        assertThat(failure.type()).isEqualTo("value_error");
        assertThat(failure.getMessage()).isEqualTo("Value error, For input string: \"x\"");
    }

    @Test
    void customNullResultIsAValueError() {
        ConversionException failure = catchThrowableOfType(ConversionException.class, () -> Conversions.custom(raw -> null).convert("x"));

        assertThat(failure.type()).isEqualTo("value_error");
        assertThat(failure.getMessage()).isEqualTo("Value error, the converter returned no value");
        assertThat(failure.ctx()).isEqualTo(Map.of("error", Map.of()));
    }

    @Test
    void customOtherExceptionsPropagate() {
        IllegalStateException broken = new IllegalStateException("broken converter");

        assertThatThrownBy(() -> Conversions.custom(raw -> {
            throw broken;
        }).convert("x")).isSameAs(broken);
    }

    @Test
    void conversionExceptionHasNoStackTrace() {
        assertThat(failure(int.class, "x").getStackTrace()).isEmpty();
    }
}
