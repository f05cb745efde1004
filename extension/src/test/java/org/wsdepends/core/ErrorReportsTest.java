package org.wsdepends.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.wsdepends.ValidationError;

class ErrorReportsTest {

    private static final String E1 = "[{\"type\":\"missing\",\"loc\":[\"query\",\"token\"],\"msg\":\"Field required\",\"input\":null}]";
    private static final String INT_MSG = "Input should be a valid integer, unable to parse string as an integer";

    private static ValidationError missing(String source, String name) {
        return new ValidationError("missing", List.of(source, name), "Field required", null);
    }

    private static void assertValidUtf8(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new AssertionError("not valid UTF-8: " + text, e);
        }
        assertThat(text.codePoints().filter(point -> point >= Character.MIN_SURROGATE && point <= Character.MAX_SURROGATE))
                .as("lone surrogates in " + text).isEmpty();
    }

    @Test
    void oneMissingQueryTokenIsExactlyFastApisReason() {
        List<ValidationError> errors = List.of(missing("query", "token"));

        assertThat(ErrorReports.toJson(errors)).isEqualTo(E1);
        assertThat(ErrorReports.closeReason(errors)).isEqualTo(E1);
        assertThat(ErrorReports.utf8Length(E1)).isEqualTo(80);
    }

    @Test
    void detailFrameWrapsTheErrors() {
        assertThat(ErrorReports.detailFrame(List.of(missing("query", "token"), missing("header", "x-token")))).isEqualTo(
                "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"query\",\"token\"],\"msg\":\"Field required\",\"input\":null},"
                        + "{\"type\":\"missing\",\"loc\":[\"header\",\"x-token\"],\"msg\":\"Field required\",\"input\":null}]}");
    }

    @Test
    void emptyListsAreEmptyArrays() {
        assertThat(ErrorReports.toJson(List.of())).isEqualTo("[]");
        assertThat(ErrorReports.detailFrame(List.of())).isEqualTo("{\"detail\":[]}");
    }

    @Test
    void keysAreInFastApisOrderWithCtxLast() {
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("min_length", 3);
        ValidationError error = new ValidationError("string_too_short", List.of("path", "code"), "String should have at least 3 characters",
                "ab", ctx);

        assertThat(ErrorReports.toJson(List.of(error))).isEqualTo("[{\"type\":\"string_too_short\",\"loc\":[\"path\",\"code\"],"
                + "\"msg\":\"String should have at least 3 characters\",\"input\":\"ab\",\"ctx\":{\"min_length\":3}}]");
    }

    @Test
    void emptyCtxIsLeftOut() {
        ValidationError error = new ValidationError("int_parsing", List.of("query", "q"), INT_MSG, "bar", new LinkedHashMap<>());

        assertThat(ErrorReports.toJson(List.of(error)))
                .isEqualTo("[{\"type\":\"int_parsing\",\"loc\":[\"query\",\"q\"],\"msg\":\"" + INT_MSG + "\",\"input\":\"bar\"}]");
    }

    @Test
    void locIndexIsANumber() {
        ValidationError error = new ValidationError("int_parsing", List.of("query", "tags", 1), INT_MSG, "x");

        assertThat(ErrorReports.toJson(List.of(error)))
                .isEqualTo("[{\"type\":\"int_parsing\",\"loc\":[\"query\",\"tags\",1],\"msg\":\"" + INT_MSG + "\",\"input\":\"x\"}]");
    }

    @Test
    void ctxValuesKeepTheirJsonTypesAndOrder() {
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("int", 3);
        ctx.put("long", 4L);
        ctx.put("short", (short) 5);
        ctx.put("byte", (byte) 6);
        ctx.put("big", new BigInteger("12345678901234567890"));
        ctx.put("decimal", new BigDecimal("0.50"));
        ctx.put("double", 3.0d);
        ctx.put("float", 0.5f);
        ctx.put("bool", true);
        ctx.put("error", Map.of());
        ctx.put("list", List.of("a", 1));
        ctx.put("null", null);
        ctx.put("other", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        ValidationError error = new ValidationError("t", List.of("query", "q"), "m", List.of("a", "b"), ctx);

        assertThat(ErrorReports.toJson(List.of(error))).isEqualTo("[{\"type\":\"t\",\"loc\":[\"query\",\"q\"],\"msg\":\"m\","
                + "\"input\":[\"a\",\"b\"],\"ctx\":{\"int\":3,\"long\":4,\"short\":5,\"byte\":6,\"big\":12345678901234567890,"
                + "\"decimal\":0.50,\"double\":3.0,\"float\":0.5,\"bool\":true,\"error\":{},\"list\":[\"a\",1],\"null\":null,"
                + "\"other\":\"123e4567-e89b-12d3-a456-426614174000\"}}]");
    }

    @Test
    void stringsAreEscapedAndNonAsciiIsKept() {
        ValidationError error = new ValidationError("value_error", List.of("query", "id"), "Value error, \"quoted\"\\ tab\t",
                "é\n😀", Map.of());

        assertThat(ErrorReports.toJson(List.of(error))).isEqualTo("[{\"type\":\"value_error\",\"loc\":[\"query\",\"id\"],"
                + "\"msg\":\"Value error, \\\"quoted\\\"\\\\ tab\\t\",\"input\":\"é\\n😀\"}]");
    }

    @Test
    void reasonThatFitsIsTheWholeArray() {
        List<ValidationError> errors = List.of(new ValidationError("int_parsing", List.of("query", "q"), "short", "bar"));
        String json = ErrorReports.toJson(errors);

        assertThat(ErrorReports.utf8Length(json)).isLessThanOrEqualTo(123);
        assertThat(ErrorReports.closeReason(errors)).isEqualTo(json);
    }

    @Test
    void oneIntParsingErrorIsTooLongAndIsCutStartingWithTypeAndLoc() {
        List<ValidationError> errors = List.of(new ValidationError("int_parsing", List.of("query", "q"), INT_MSG, "bar"));
        String json = ErrorReports.toJson(errors);
        assertThat(ErrorReports.utf8Length(json)).isEqualTo(136);

        String reason = ErrorReports.closeReason(errors);

        assertThat(reason).isEqualTo(json.substring(0, 120) + "...");
        assertThat(ErrorReports.utf8Length(reason)).isEqualTo(123);
        assertThat(reason).startsWith("[{\"type\":\"int_parsing\",\"loc\":[\"query\",\"q\"]");
    }

    @Test
    void twoMissingErrorsAreCutToTheFirstErrorsBeginning() {
        List<ValidationError> errors = List.of(missing("query", "token"), missing("query", "count"));
        assertThat(ErrorReports.utf8Length(ErrorReports.toJson(errors))).isEqualTo(159);

        String reason = ErrorReports.closeReason(errors);

        assertThat(reason).isEqualTo("[{\"type\":\"missing\",\"loc\":[\"query\",\"token\"],\"msg\":\"Field required\",\"input\":null},"
                + "{\"type\":\"missing\",\"loc\":[\"query\",\"count\"...");
        assertThat(ErrorReports.utf8Length(reason)).isEqualTo(123);
    }

    @Test
    void closeReasonWithMultiByteInputIsValidUtf8WithinTheLimit() {
        List<ValidationError> errors = List.of(new ValidationError("int_parsing", List.of("query", "q"), "m", "é".repeat(30) + "😀".repeat(20)));

        String reason = ErrorReports.closeReason(errors);

        assertThat(ErrorReports.utf8Length(reason)).isBetween(120, 123);
        assertThat(reason).endsWith("...").startsWith("[{\"type\":\"int_parsing\",\"loc\":[\"query\",\"q\"]");
        assertValidUtf8(reason);
    }

    @Test
    void shortenNullIsEmpty() {
        assertThat(ErrorReports.shorten(null)).isEmpty();
        assertThat(ErrorReports.shorten("")).isEmpty();
    }

    @Test
    void shortenKeepsExactly123Bytes() {
        String reason = "a".repeat(123);

        assertThat(ErrorReports.shorten(reason)).isSameAs(reason);
    }

    @Test
    void shortenCuts124AsciiBytesTo120PlusEllipsis() {
        String reason = "b".repeat(124);

        assertThat(ErrorReports.shorten(reason)).isEqualTo("b".repeat(120) + "...");
    }

    @Test
    void shortenCutsTwoByteCharactersOnABoundary() {
        String reason = "é".repeat(62);
        assertThat(ErrorReports.utf8Length(reason)).isEqualTo(124);

        assertThat(ErrorReports.shorten(reason)).isEqualTo("é".repeat(60) + "...");
        assertThat(ErrorReports.shorten("é".repeat(61))).isEqualTo("é".repeat(61));
    }

    @Test
    void shortenKeeps41ThreeByteCharactersAndCuts42() {
        assertThat(ErrorReports.shorten("€".repeat(41))).isEqualTo("€".repeat(41));
        assertThat(ErrorReports.shorten("€".repeat(42))).isEqualTo("€".repeat(40) + "...");
    }

    @Test
    void shortenNeverSplitsASurrogatePair() {
        String emoji = "😀";
        assertThat(ErrorReports.shorten(emoji.repeat(30))).isEqualTo(emoji.repeat(30));
        assertThat(ErrorReports.shorten(emoji.repeat(31))).isEqualTo(emoji.repeat(30) + "...");

        String shifted = ErrorReports.shorten("ab" + emoji.repeat(31));
        assertThat(shifted).isEqualTo("ab" + emoji.repeat(29) + "...");
        assertThat(ErrorReports.utf8Length(shifted)).isEqualTo(121);
        assertValidUtf8(shifted);
    }

    @Test
    void shortenStopsBeforeACharacterThatWouldCrossTheBudget() {
        String reason = "a" + "€".repeat(41);
        assertThat(ErrorReports.utf8Length(reason)).isEqualTo(124);

        String shortened = ErrorReports.shorten(reason);

        assertThat(shortened).isEqualTo("a" + "€".repeat(39) + "...");
        assertThat(ErrorReports.utf8Length(shortened)).isEqualTo(121);
    }

    @Test
    void utf8LengthCountsBytes() {
        assertThat(ErrorReports.utf8Length("")).isZero();
        assertThat(ErrorReports.utf8Length("aé€😀")).isEqualTo(1 + 2 + 3 + 4);
        assertThat(ErrorReports.MAX_REASON_BYTES).isEqualTo(123);
    }
}
