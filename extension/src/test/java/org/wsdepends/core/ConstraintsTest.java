package org.wsdepends.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.validation.Constraint;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.Payload;
import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.Test;
import org.wsdepends.DefaultValue;
import org.wsdepends.Query;
import org.wsdepends.ValidationError;

class ConstraintsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-15T12:00:00Z"), ZoneOffset.UTC);
    private static final Validator VALIDATOR = ValueConstraints.configure(Validation.byDefaultProvider().configure())
            .clockProvider(() -> CLOCK).buildValidatorFactory().getValidator();

    @Target({ElementType.FIELD, ElementType.PARAMETER})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = {})
    @interface EvenNumber {
        String message() default "must be even";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    @SuppressWarnings("unused")
    static class Fields {
        @Min(1) int min;
        @Max(100) int max;
        @Min(-5) long negativeMin;
        @DecimalMin("0.5") BigDecimal decimalMin;
        @DecimalMin(value = "0.5", inclusive = false) BigDecimal decimalMinExclusive;
        @DecimalMax(value = "10", inclusive = false) BigDecimal decimalMaxExclusive;
        @DecimalMax("2.50") double decimalMax;
        @DecimalMin("3.0") double decimalMinOneDecimal;
        @Positive int positive;
        @PositiveOrZero int positiveOrZero;
        @Negative int negative;
        @NegativeOrZero int negativeOrZero;
        @Size(min = 3, max = 5) String code;
        @Size(min = 1) String one;
        @Size(max = 1) String atMostOne;
        @Size(min = 2, max = 3) List<String> tags;
        @Size(min = 1) List<String> oneTag;
        @Size(max = 1) java.util.Set<String> oneOfSet;
        @Pattern(regexp = "^[a-z]+$") String lower;
        @Pattern(regexp = "[a-z]+") String fullMatch;
        @Pattern(regexp = "[a-z]+", flags = Pattern.Flag.CASE_INSENSITIVE) String anyCase;
        @NotBlank String notBlank;
        @NotBlank(message = "give a name") String notBlankCustom;
        @NotEmpty String notEmpty;
        @NotNull String notNull;
        @AssertTrue boolean assertTrue;
        @AssertFalse boolean assertFalse;
        @Digits(integer = 3, fraction = 2) BigDecimal digits;
        @Past LocalDate past;
        @PastOrPresent LocalDate pastOrPresent;
        @Future Instant future;
        @FutureOrPresent LocalDateTime futureOrPresent;
        @Min(5) @Max(3) int contradictory;
        @Query @DefaultValue("1") @Deprecated int notConstraints;
        @Email String email;
        @EvenNumber int custom;
    }

    private static Annotation[] annotations(String field) {
        try {
            return Fields.class.getDeclaredField(field).getAnnotations();
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }

    private static ValueConstraints constraints(String field) {
        try {
            return ValueConstraints.of(VALIDATOR, Fields.class.getDeclaredField(field), InjectionPlan.FIELD, Fields.class, "SITE");
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * What Hibernate Validator reports for the value, worded by {@link Constraints#describe}, as pydantic's wire JSON
     * for query parameter {@code p} with the given raw input; {@code null} if the value is valid.
     */
    private static String check(String field, Object value) {
        List<ValidationError> errors = new java.util.ArrayList<>();
        constraints(field).check(value, String.valueOf(value), List.of("query", "p"), errors);
        return errors.isEmpty() ? null : ErrorReports.toJson(errors);
    }

    private static String error(String type, String msg, String input, String ctx) {
        return "[{\"type\":\"" + type + "\",\"loc\":[\"query\",\"p\"],\"msg\":\"" + msg + "\",\"input\":\"" + input + "\""
                + (ctx == null ? "" : ",\"ctx\":" + ctx) + "}]";
    }

    @Test
    void minIsGreaterThanEqualWithGeContext() {
        assertThat(check("min", 0)).isEqualTo(error("greater_than_equal", "Input should be greater than or equal to 1", "0", "{\"ge\":1}"));
        assertThat(check("min", 1)).isNull();
        assertThat(check("negativeMin", -6L))
                .isEqualTo(error("greater_than_equal", "Input should be greater than or equal to -5", "-6", "{\"ge\":-5}"));
        assertThat(check("negativeMin", -5L)).isNull();
    }

    @Test
    void maxIsLessThanEqualWithLeContext() {
        assertThat(check("max", 101)).isEqualTo(error("less_than_equal", "Input should be less than or equal to 100", "101", "{\"le\":100}"));
        assertThat(check("max", 100)).isNull();
    }

    @Test
    void decimalMinAndMaxFollowInclusive() {
        assertThat(check("decimalMin", new BigDecimal("0.4")))
                .isEqualTo(error("greater_than_equal", "Input should be greater than or equal to 0.5", "0.4", "{\"ge\":0.5}"));
        assertThat(check("decimalMin", new BigDecimal("0.50"))).isNull();
        assertThat(check("decimalMinExclusive", new BigDecimal("0.5")))
                .isEqualTo(error("greater_than", "Input should be greater than 0.5", "0.5", "{\"gt\":0.5}"));
        assertThat(check("decimalMinExclusive", new BigDecimal("0.51"))).isNull();
        assertThat(check("decimalMaxExclusive", new BigDecimal("10")))
                .isEqualTo(error("less_than", "Input should be less than 10", "10", "{\"lt\":10}"));
        assertThat(check("decimalMaxExclusive", new BigDecimal("9.99"))).isNull();
        assertThat(check("decimalMax", 2.51d)).isEqualTo(error("less_than_equal", "Input should be less than or equal to 2.50", "2.51",
                "{\"le\":2.50}"));
        assertThat(check("decimalMax", 2.5d)).isNull();
    }

    @Test
    void contextNumbersEchoTheConstraintAsDeclared() {
        assertThat(check("decimalMinOneDecimal", 2.0d)).isEqualTo(
                error("greater_than_equal", "Input should be greater than or equal to 3.0", "2.0", "{\"ge\":3.0}"));
    }

    @Test
    void boundsCompareDecimalValuesExactlyAsWritten() {
        assertThat(check("decimalMin", new BigDecimal("0.5"))).isNull();
        assertThat(check("decimalMin", new BigDecimal("0.49999"))).startsWith("[{\"type\":\"greater_than_equal\"");
        assertThat(check("decimalMax", 2.5d)).isNull();
        assertThat(check("decimalMax", 2.5000001d)).startsWith("[{\"type\":\"less_than_equal\"");
    }

    @Test
    void positiveNegativeAndOrZero() {
        assertThat(check("positive", 0)).isEqualTo(error("greater_than", "Input should be greater than 0", "0", "{\"gt\":0}"));
        assertThat(check("positive", 1)).isNull();
        assertThat(check("positiveOrZero", -1))
                .isEqualTo(error("greater_than_equal", "Input should be greater than or equal to 0", "-1", "{\"ge\":0}"));
        assertThat(check("positiveOrZero", 0)).isNull();
        assertThat(check("negative", 0)).isEqualTo(error("less_than", "Input should be less than 0", "0", "{\"lt\":0}"));
        assertThat(check("negative", -1)).isNull();
        assertThat(check("negativeOrZero", 1)).isEqualTo(error("less_than_equal", "Input should be less than or equal to 0", "1", "{\"le\":0}"));
        assertThat(check("negativeOrZero", 0)).isNull();
    }

    @Test
    void sizeOnStringsIsStringTooShortOrTooLong() {
        assertThat(check("code", "ab")).isEqualTo(
                error("string_too_short", "String should have at least 3 characters", "ab", "{\"min_length\":3}"));
        assertThat(check("code", "abcdef")).isEqualTo(
                error("string_too_long", "String should have at most 5 characters", "abcdef", "{\"max_length\":5}"));
        assertThat(check("code", "abc")).isNull();
        assertThat(check("code", "abcde")).isNull();
    }

    @Test
    void sizeMessagesUseTheSingularForOne() {
        assertThat(check("one", "")).isEqualTo(error("string_too_short", "String should have at least 1 character", "", "{\"min_length\":1}"));
        assertThat(check("atMostOne", "ab")).isEqualTo(
                error("string_too_long", "String should have at most 1 character", "ab", "{\"max_length\":1}"));
    }

    @Test
    void sizeOnListsIsTooShortOrTooLongWithPydanticsContext() {
        assertThat(check("tags", List.of("a"))).isEqualTo(error("too_short", "List should have at least 2 items after validation, not 1",
                "[a]", "{\"field_type\":\"List\",\"min_length\":2,\"actual_length\":1}"));
        assertThat(check("tags", List.of("a", "b", "c", "d"))).isEqualTo(error("too_long",
                "List should have at most 3 items after validation, not 4", "[a, b, c, d]",
                "{\"field_type\":\"List\",\"max_length\":3,\"actual_length\":4}"));
        assertThat(check("oneTag", List.of())).isEqualTo(error("too_short", "List should have at least 1 item after validation, not 0",
                "[]", "{\"field_type\":\"List\",\"min_length\":1,\"actual_length\":0}"));
        assertThat(check("tags", List.of("a", "b"))).isNull();
    }

    @Test
    void sizeOnSetsNamesTheSet() {
        assertThat(check("oneOfSet", new LinkedHashSet<>(List.of("a", "b")))).isEqualTo(error("too_long",
                "Set should have at most 1 item after validation, not 2", "[a, b]",
                "{\"field_type\":\"Set\",\"max_length\":1,\"actual_length\":2}"));
    }

    @Test
    void patternIsStringPatternMismatchWithPatternContext() {
        assertThat(check("lower", "ABC")).isEqualTo(error("string_pattern_mismatch", "String should match pattern '^[a-z]+$'", "ABC",
                "{\"pattern\":\"^[a-z]+$\"}"));
        assertThat(check("lower", "abc")).isNull();
    }

    @Test
    void patternMatchesTheWholeValueAsBeanValidationDoesAndHonoursFlags() {
        assertThat(check("fullMatch", "abc1")).startsWith("[{\"type\":\"string_pattern_mismatch\"");
        assertThat(check("fullMatch", "abc")).isNull();
        assertThat(check("anyCase", "ABC")).isNull();
    }

    @Test
    void otherConstraintsUseTheSnakeCaseNameAndTheBeanValidationMessage() {
        assertThat(check("notBlank", "  ")).isEqualTo(error("not_blank", "must not be blank", "  ", null));
        assertThat(check("notBlank", "x")).isNull();
        assertThat(check("notEmpty", "")).isEqualTo(error("not_empty", "must not be empty", "", null));
        assertThat(check("notEmpty", " ")).isNull();
        assertThat(check("assertTrue", false)).isEqualTo(error("assert_true", "must be true", "false", null));
        assertThat(check("assertTrue", true)).isNull();
        assertThat(check("assertFalse", true)).isEqualTo(error("assert_false", "must be false", "true", null));
        assertThat(check("assertFalse", false)).isNull();
    }

    @Test
    void aUserMessageWinsOverTheDefault() {
        assertThat(check("notBlankCustom", "")).isEqualTo(error("not_blank", "give a name", "", null));
    }

    @Test
    void notNullNeverFailsBecauseHandshakeValuesAreNeverNull() {
        assertThat(constraints("notNull")).isNotNull();
        assertThat(check("notNull", "")).isNull();
    }

    @Test
    void digitsCountsIntegerAndFractionDigits() {
        String message = "numeric value out of bounds (<3 digits>.<2 digits> expected)";
        assertThat(check("digits", new BigDecimal("1234"))).isEqualTo(error("digits", message, "1234", null));
        assertThat(check("digits", new BigDecimal("12.345"))).isEqualTo(error("digits", message, "12.345", null));
        assertThat(check("digits", new BigDecimal("123.45"))).isNull();
        assertThat(check("digits", new BigDecimal("100"))).isNull();
        assertThat(check("digits", new BigDecimal("1.500"))).as("trailing zeros count, as Bean Validation counts them")
                .isEqualTo(error("digits", message, "1.500", null));
        assertThat(check("digits", new BigDecimal("0.05"))).isNull();
        assertThat(check("digits", 999)).isNull();
        assertThat(check("digits", 1000)).isEqualTo(error("digits", message, "1000", null));
    }

    @Test
    void pastAndFutureUseTheClock() {
        assertThat(check("past", LocalDate.of(2024, 6, 14))).isNull();
        assertThat(check("past", LocalDate.of(2024, 6, 15))).isEqualTo(error("past", "must be a past date", "2024-06-15", null));
        assertThat(check("pastOrPresent", LocalDate.of(2024, 6, 15))).isNull();
        assertThat(check("pastOrPresent", LocalDate.of(2024, 6, 16)))
                .isEqualTo(error("past_or_present", "must be a date in the past or in the present", "2024-06-16", null));
        assertThat(check("future", Instant.parse("2024-06-15T12:00:01Z"))).isNull();
        assertThat(check("future", Instant.parse("2024-06-15T12:00:00Z")))
                .isEqualTo(error("future", "must be a future date", "2024-06-15T12:00:00Z", null));
        assertThat(check("futureOrPresent", LocalDateTime.of(2024, 6, 15, 12, 0))).isNull();
        assertThat(check("futureOrPresent", LocalDateTime.of(2024, 6, 15, 11, 59)))
                .isEqualTo(error("future_or_present", "must be a date in the present or in the future", "2024-06-15T11:59", null));
    }

    @Test
    void everyFailedConstraintIsReported() {
        assertThat(check("contradictory", 4)).isEqualTo("[" + error("greater_than_equal", "Input should be greater than or equal to 5",
                "4", "{\"ge\":5}").replaceAll("^\\[|]$", "") + "," + error("less_than_equal", "Input should be less than or equal"
                + " to 3", "4", "{\"le\":3}").replaceAll("^\\[|]$", "") + "]");
        assertThat(check("contradictory", 6)).isEqualTo(error("less_than_equal", "Input should be less than or equal to 3", "6",
                "{\"le\":3}"));
    }

    @Test
    void aSiteWithoutConstraintsNeedsNoValidation() {
        assertThat(constraints("notConstraints")).isNull();
    }

    @Test
    void emailIsValidatedAsBeanValidationDefinesIt() {
        assertThat(check("email", "a@b.example")).isNull();
        assertThat(check("email", "no address")).isEqualTo(error("email", "must be a well-formed email address", "no address", null));
    }

    @Test
    void aConstraintWithoutAValidatorForTheTypeFailsTheDeploymentNamingTheSite() {
        assertThatThrownBy(() -> constraints("custom"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("WSD-0105 SITE: a constraint cannot validate this value: HV000030: No validator could be found"
                        + " for constraint '" + EvenNumber.class.getName() + "' validating type 'java.lang.Integer'")
                .hasMessageEndingWith("Fix: put the constraint on the element type (List<@Min(1) Integer>), use a constraint that"
                        + " applies to this type, or give it a validator for it");
    }

    @Test
    void snakeCaseNames() {
        assertThat(Constraints.snakeCase(annotations("pastOrPresent")[0])).isEqualTo("past_or_present");
        assertThat(Constraints.snakeCase(annotations("notBlank")[0])).isEqualTo("not_blank");
        assertThat(Constraints.snakeCase(annotations("email")[0])).isEqualTo("email");
        assertThat(Constraints.snakeCase(annotations("custom")[0])).isEqualTo("even_number");
    }

    @Test
    void describeMapsViolationsOfMappedConstraintsToPydanticTypes() {
        ConstraintCheck.Failure failure = Constraints.describe(annotations("min")[0], 0, "must be greater than or equal to 1");

        assertThat(failure).isEqualTo(new ConstraintCheck.Failure("greater_than_equal", "Input should be greater than or equal to 1",
                Map.of("ge", BigInteger.ONE)));
        assertThat(Constraints.describe(annotations("code")[0], "ab", "size must be between 3 and 5"))
                .isEqualTo(new ConstraintCheck.Failure("string_too_short", "String should have at least 3 characters",
                        Map.of("min_length", 3)));
    }

    @Test
    void describeKeepsTheBeanValidationMessageForOtherConstraints() {
        assertThat(Constraints.describe(annotations("notBlank")[0], " ", "darf nicht leer sein"))
                .isEqualTo(new ConstraintCheck.Failure("not_blank", "darf nicht leer sein", Map.of()));
        assertThat(Constraints.describe(annotations("email")[0], "x", "must be a well-formed email address"))
                .isEqualTo(new ConstraintCheck.Failure("email", "must be a well-formed email address", Map.of()));
        assertThat(Constraints.describe(annotations("notNull")[0], null, "must not be null"))
                .isEqualTo(new ConstraintCheck.Failure("not_null", "must not be null", Map.of()));
        assertThat(Constraints.describe(annotations("min")[0], null, "must be greater than or equal to 1"))
                .isEqualTo(new ConstraintCheck.Failure("min", "must be greater than or equal to 1", Map.of()));
    }

    @Test
    void describeOfAValueThatPassesTheMappedCheckFallsBackToTheSnakeCaseName() {
        assertThat(Constraints.describe(annotations("min")[0], 5, "custom failure"))
                .isEqualTo(new ConstraintCheck.Failure("min", "custom failure", Map.of()));
    }
}
