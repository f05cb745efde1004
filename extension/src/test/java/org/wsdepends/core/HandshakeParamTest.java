package org.wsdepends.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;
import org.wsdepends.Cookie;
import org.wsdepends.DefaultValue;
import org.wsdepends.Header;
import org.wsdepends.Path;
import org.wsdepends.Query;
import org.wsdepends.ValidationError;

class HandshakeParamTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-15T12:00:00Z"), ZoneOffset.UTC);
    private static final Validator VALIDATOR = ValueConstraints.configure(Validation.byDefaultProvider().configure())
            .clockProvider(() -> CLOCK).buildValidatorFactory().getValidator();

    enum Model { alexnet, resnet, lenet }

    @SuppressWarnings("unused")
    static class Fields {
        @Query String token;
        @Query int count;
        @Query("item-query") String itemQuery;
        @Query @DefaultValue("20") @Min(1) @Max(100) int history;
        @Query @DefaultValue("0") @Min(1) int badDefaultConstraint;
        @Query @DefaultValue("abc") int badDefaultType;
        @Query @DefaultValue("x") Optional<String> optionalWithDefault;
        @Query Optional<Integer> limit;
        @Query @Min(1) Optional<Integer> positiveLimit;
        @Query List<Integer> tags;
        @Query Collection<String> names;
        @Query Set<String> labels;
        @Query @Size(min = 2) List<String> twoOrMore;
        @Query @NotEmpty List<String> atLeastOne;
        @Query @DefaultValue("a,b") List<String> listWithDefault;
        @Query Model model;
        @Header String xClient;
        @Header String x_token;
        @Header("X-Token") String explicitHeader;
        @Header List<String> accept;
        @Header List<Integer> xNums;
        @Header Optional<String> userAgent;
        @Cookie String session;
        @Cookie("n") int cookieNumber;
        @Cookie List<String> pref;
        @Path("item_id") int itemId;
        @Path String room;
        @Path @DefaultValue("lobby") String defaultRoom;
        @Path @Size(max = 3) String code;
        @Query Map<String, String> map;
        @Query List<List<String>> nested;
        @Query List<?> wildcard;
        @Query Object object;
        @SuppressWarnings("rawtypes") @Query List raw;
        @Query @Email String email;
        @Query @Min(1) List<Integer> minOnList;
    }

    private static Field field(String name) {
        try {
            return Fields.class.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }

    private static ValueConstraints constraints(Field field) {
        return ValueConstraints.of(VALIDATOR, field, InjectionPlan.FIELD, Fields.class, "SITE");
    }

    private static HandshakeParam param(String name) {
        Field field = field(name);
        return HandshakeParams.create(HandshakeParams.qualifierOf(field.getAnnotations()), field.getName(), field.getGenericType(),
                field.getAnnotations(), Conversions::builtIn, constraints(field), "SITE");
    }

    private static HandshakeData query(String rawQuery) {
        return HandshakeData.of(rawQuery, null, null, null);
    }

    private static HandshakeData headers(String name, String... lines) {
        return HandshakeData.of(null, Map.of(name, List.of(lines)), null, null);
    }

    private static HandshakeData path(String name, String value) {
        return HandshakeData.of(null, null, null, null).withPathParameters(Map.of(name, value));
    }

    /** Resolves and returns {@code [value, errors as JSON]}. */
    private static Object[] resolve(String field, HandshakeData handshake) {
        List<ValidationError> errors = new ArrayList<>();
        Object value = param(field).resolve(handshake, errors);
        return new Object[] {value, errors.isEmpty() ? null : ErrorReports.toJson(errors)};
    }

    private static Object value(String field, HandshakeData handshake) {
        Object[] result = resolve(field, handshake);
        assertThat(result[1]).as("errors").isNull();
        return result[0];
    }

    private static String errors(String field, HandshakeData handshake) {
        Object[] result = resolve(field, handshake);
        assertThat(result[0]).as("value when there are errors").isNull();
        return (String) result[1];
    }

    @Test
    void qualifierOfFindsSourceAndExplicitName() {
        assertThat(HandshakeParams.qualifierOf(field("itemQuery").getAnnotations()))
                .isEqualTo(new HandshakeParams.Qualified(Source.QUERY, "item-query"));
        assertThat(HandshakeParams.qualifierOf(field("xClient").getAnnotations())).isEqualTo(new HandshakeParams.Qualified(Source.HEADER, ""));
        assertThat(HandshakeParams.qualifierOf(field("cookieNumber").getAnnotations()))
                .isEqualTo(new HandshakeParams.Qualified(Source.COOKIE, "n"));
        assertThat(HandshakeParams.qualifierOf(field("room").getAnnotations())).isEqualTo(new HandshakeParams.Qualified(Source.PATH, ""));
        assertThat(HandshakeParams.qualifierOf(field("history").getAnnotations()).source()).isEqualTo(Source.QUERY);
        assertThat(HandshakeParams.qualifierOf(new java.lang.annotation.Annotation[] {field("history").getAnnotation(Min.class)})).isNull();
    }

    @Test
    void singleQueryValueIsConverted() {
        assertThat(value("count", query("count=3"))).isEqualTo(3);
        assertThat(value("token", query("token=a%20b"))).isEqualTo("a b");
    }

    @Test
    void repeatedKeyForAScalarTakesTheLastValueAsFastApiDoes() {
        assertThat(value("count", query("count=1&count=2"))).isEqualTo(2);
    }

    @Test
    void anEmptyPathVariableIsMissingNotAnEmptyString() {
        assertThat(errors("room", HandshakeData.of("", null, null, null).withPathParameters(Map.of("room", ""))))
                .isEqualTo("[{\"type\":\"missing\",\"loc\":[\"path\",\"room\"],\"msg\":\"Field required\",\"input\":null}]");
        assertThat(value("room", HandshakeData.of("", null, null, null).withPathParameters(Map.of("room", "a")))).isEqualTo("a");
    }

    @Test
    void missingRequiredQueryValueIsFastApisMissingError() {
        assertThat(errors("token", query(""))).isEqualTo("[{\"type\":\"missing\",\"loc\":[\"query\",\"token\"],\"msg\":\"Field required\",\"input\":null}]");
    }

    @Test
    void presentButEmptyValueIsNotMissing() {
        assertThat(value("token", query("token="))).isEqualTo("");
        assertThat(errors("count", query("count="))).isEqualTo("[{\"type\":\"int_parsing\",\"loc\":[\"query\",\"count\"],"
                + "\"msg\":\"Input should be a valid integer, unable to parse string as an integer\",\"input\":\"\"}]");
    }

    @Test
    void conversionErrorCarriesTheRawInput() {
        assertThat(errors("count", query("count=1.5"))).isEqualTo("[{\"type\":\"int_parsing\",\"loc\":[\"query\",\"count\"],"
                + "\"msg\":\"Input should be a valid integer, unable to parse string as an integer\",\"input\":\"1.5\"}]");
    }

    @Test
    void aliasIsTheWireNameAndTheJavaNameIsNotAccepted() {
        assertThat(value("itemQuery", query("item-query=x"))).isEqualTo("x");
        assertThat(errors("itemQuery", query("itemQuery=x")))
                .isEqualTo("[{\"type\":\"missing\",\"loc\":[\"query\",\"item-query\"],\"msg\":\"Field required\",\"input\":null}]");
        assertThat(param("itemQuery").name()).isEqualTo("item-query");
        assertThat(param("itemQuery").source()).isEqualTo(Source.QUERY);
        assertThat(param("itemQuery")).hasToString("query parameter \"item-query\"");
    }

    @Test
    void defaultIsUsedWhenAbsentAndConstraintsApplyToSentValues() {
        assertThat(value("history", query(""))).isEqualTo(20);
        assertThat(value("history", query("history=100"))).isEqualTo(100);
        assertThat(errors("history", query("history=0"))).isEqualTo("[{\"type\":\"greater_than_equal\",\"loc\":[\"query\",\"history\"],"
                + "\"msg\":\"Input should be greater than or equal to 1\",\"input\":\"0\",\"ctx\":{\"ge\":1}}]");
        assertThat(errors("history", query("history=101"))).isEqualTo("[{\"type\":\"less_than_equal\",\"loc\":[\"query\",\"history\"],"
                + "\"msg\":\"Input should be less than or equal to 100\",\"input\":\"101\",\"ctx\":{\"le\":100}}]");
    }

    @Test
    void defaultThatFailsItsConstraintsFailsTheDeployment() {
        assertThatThrownBy(() -> param("badDefaultConstraint"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("WSD-0104 SITE: @DefaultValue(\"0\") is not a valid value: Input should be greater than or equal to 1."
                        + " Fix: give a default that converts to the type and meets its constraints");
    }

    @Test
    void defaultThatDoesNotConvertFailsTheDeployment() {
        assertThatThrownBy(() -> param("badDefaultType"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("WSD-0104 SITE: @DefaultValue(\"abc\") is not a valid value: Input should be a valid integer, unable to parse string as an integer."
                        + " Fix: give a default that converts to the type and meets its constraints");
    }

    @Test
    void optionalAbsentIsEmptyAndPresentIsWrapped() {
        assertThat(value("limit", query(""))).isEqualTo(Optional.empty());
        assertThat(value("limit", query("limit=5"))).isEqualTo(Optional.of(5));
        assertThat(value("optionalWithDefault", query(""))).isEqualTo(Optional.of("x"));
        assertThat(value("optionalWithDefault", query("optionalWithDefault=y"))).isEqualTo(Optional.of("y"));
    }

    @Test
    void optionalPresentButInvalidIsAnError() {
        assertThat(errors("limit", query("limit=x"))).isEqualTo("[{\"type\":\"int_parsing\",\"loc\":[\"query\",\"limit\"],"
                + "\"msg\":\"Input should be a valid integer, unable to parse string as an integer\",\"input\":\"x\"}]");
        assertThat(errors("positiveLimit", query("positiveLimit=0"))).startsWith("[{\"type\":\"greater_than_equal\",\"loc\":[\"query\",\"positiveLimit\"]");
        assertThat(value("positiveLimit", query(""))).isEqualTo(Optional.empty());
    }

    @Test
    void listTakesEveryValueInOrderAndAbsentIsEmpty() {
        assertThat(value("tags", query("tags=3&tags=1&tags=3"))).isEqualTo(List.of(3, 1, 3));
        assertThat(value("tags", query(""))).isEqualTo(List.of());
        assertThat(value("names", query("names=a&names=b"))).isEqualTo(List.of("a", "b"));
    }

    @Test
    void listValuesAreUnmodifiable() {
        @SuppressWarnings("unchecked")
        List<Object> tags = (List<Object>) value("tags", query("tags=1"));

        assertThatThrownBy(() -> tags.add(2)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void setDropsRepeatsAndKeepsTheOrderSent() {
        @SuppressWarnings("unchecked")
        Set<Object> labels = (Set<Object>) value("labels", query("labels=b&labels=a&labels=b"));

        assertThat(labels).containsExactly("b", "a");
        assertThatThrownBy(() -> labels.add("c")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(value("labels", query(""))).isEqualTo(Set.of());
    }

    @Test
    void badCollectionElementErrorHasTheIndexInItsLoc() {
        assertThat(errors("tags", query("tags=1&tags=x&tags=3"))).isEqualTo("[{\"type\":\"int_parsing\",\"loc\":[\"query\",\"tags\",1],"
                + "\"msg\":\"Input should be a valid integer, unable to parse string as an integer\",\"input\":\"x\"}]");
    }

    @Test
    void everyBadElementIsReportedLikeFastApisMultiQueryTest() {
        String msg = "\"msg\":\"Input should be a valid integer, unable to parse string as an integer\"";
        assertThat(errors("tags", query("tags=five&tags=six"))).isEqualTo("[{\"type\":\"int_parsing\",\"loc\":[\"query\",\"tags\",0]," + msg
                + ",\"input\":\"five\"},{\"type\":\"int_parsing\",\"loc\":[\"query\",\"tags\",1]," + msg + ",\"input\":\"six\"}]");
    }

    @Test
    void collectionConstraintsApplyToTheWholeCollectionWithTheRawListAsInput() {
        assertThat(errors("twoOrMore", query("twoOrMore=a"))).isEqualTo("[{\"type\":\"too_short\",\"loc\":[\"query\",\"twoOrMore\"],"
                + "\"msg\":\"List should have at least 2 items after validation, not 1\",\"input\":[\"a\"],"
                + "\"ctx\":{\"field_type\":\"List\",\"min_length\":2,\"actual_length\":1}}]");
        assertThat(errors("atLeastOne", query(""))).isEqualTo(
                "[{\"type\":\"not_empty\",\"loc\":[\"query\",\"atLeastOne\"],\"msg\":\"must not be empty\",\"input\":[]}]");
        assertThat(value("twoOrMore", query("twoOrMore=a&twoOrMore=b"))).isEqualTo(List.of("a", "b"));
    }

    @Test
    void listDefaultIsOneValue() {
        assertThat(value("listWithDefault", query(""))).isEqualTo(List.of("a,b"));
        assertThat(value("listWithDefault", query("listWithDefault=c"))).isEqualTo(List.of("c"));
    }

    @Test
    void enumErrorCarriesExpected() {
        assertThat(value("model", query("model=lenet"))).isEqualTo(Model.lenet);
        assertThat(errors("model", query("model=foo"))).isEqualTo("[{\"type\":\"enum\",\"loc\":[\"query\",\"model\"],"
                + "\"msg\":\"Input should be 'alexnet', 'resnet' or 'lenet'\",\"input\":\"foo\","
                + "\"ctx\":{\"expected\":\"'alexnet', 'resnet' or 'lenet'\"}}]");
    }

    @Test
    void headerNameDefaultsToTheKebabCaseElementNameAndIsCaseInsensitive() {
        assertThat(param("xClient").name()).isEqualTo("x-client");
        assertThat(value("xClient", headers("X-Client", "web"))).isEqualTo("web");
        assertThat(errors("xClient", headers("xClient", "web")))
                .isEqualTo("[{\"type\":\"missing\",\"loc\":[\"header\",\"x-client\"],\"msg\":\"Field required\",\"input\":null}]");
    }

    @Test
    void underscoreHeaderParamIsReadFromTheHyphenatedNameOnlyLikeFastApiE5() {
        assertThat(value("x_token", headers("x-token", "t"))).isEqualTo("t");
        assertThat(errors("x_token", headers("x_token", "t")))
                .isEqualTo("[{\"type\":\"missing\",\"loc\":[\"header\",\"x-token\"],\"msg\":\"Field required\",\"input\":null}]");
    }

    @Test
    void explicitHeaderNameIsKeptAsWrittenInTheLoc() {
        assertThat(value("explicitHeader", headers("x-token", "t"))).isEqualTo("t");
        assertThat(errors("explicitHeader", headers("other", "t")))
                .isEqualTo("[{\"type\":\"missing\",\"loc\":[\"header\",\"X-Token\"],\"msg\":\"Field required\",\"input\":null}]");
    }

    @Test
    void headerNameConversion() {
        assertThat(HandshakeParam.headerName("xClient")).isEqualTo("x-client");
        assertThat(HandshakeParam.headerName("x_client")).isEqualTo("x-client");
        assertThat(HandshakeParam.headerName("userAgent")).isEqualTo("user-agent");
        assertThat(HandshakeParam.headerName("xRequestID")).isEqualTo("x-request-id");
        assertThat(HandshakeParam.headerName("x2Id")).isEqualTo("x2-id");
        assertThat(HandshakeParam.headerName("authorization")).isEqualTo("authorization");
    }

    @Test
    void headerListSplitsCommaJoinedValuesAndRepeatedLines() {
        assertThat(value("accept", headers("Accept", "a, b", "c"))).isEqualTo(List.of("a", "b", "c"));
        assertThat(value("accept", headers("Accept", "a,,b ,"))).isEqualTo(List.of("a", "b"));
        assertThat(value("accept", headers("Other", "a"))).isEqualTo(List.of());
    }

    @Test
    void headerListElementErrorsIndexTheSplitValues() {
        assertThat(errors("xNums", headers("X-Nums", "1, x", "3, y"))).isEqualTo("[{\"type\":\"int_parsing\",\"loc\":[\"header\",\"x-nums\",1],"
                + "\"msg\":\"Input should be a valid integer, unable to parse string as an integer\",\"input\":\"x\"},"
                + "{\"type\":\"int_parsing\",\"loc\":[\"header\",\"x-nums\",3],"
                + "\"msg\":\"Input should be a valid integer, unable to parse string as an integer\",\"input\":\"y\"}]");
    }

    @Test
    void scalarHeaderJoinsSeveralLinesSoEveryContainerGivesTheSameValue() {
        assertThat(value("xClient", headers("x-client", "a", "b"))).isEqualTo("a, b");
        assertThat(value("xClient", headers("x-client", "a, b"))).isEqualTo("a, b");
        assertThat(value("userAgent", headers("User-Agent", "Mozilla/5.0 (X11, Linux)"))).isEqualTo(Optional.of("Mozilla/5.0 (X11, Linux)"));
        assertThat(value("userAgent", headers("Other", "x"))).isEqualTo(Optional.empty());
    }

    @Test
    void cookiesAreReadByName() {
        HandshakeData handshake = headers("Cookie", "a=1; session=xyz; n=zz; pref=a", "pref=b");

        assertThat(value("session", handshake)).isEqualTo("xyz");
        assertThat(value("pref", handshake)).isEqualTo(List.of("a", "b"));
        assertThat(errors("cookieNumber", handshake)).isEqualTo("[{\"type\":\"int_parsing\",\"loc\":[\"cookie\",\"n\"],"
                + "\"msg\":\"Input should be a valid integer, unable to parse string as an integer\",\"input\":\"zz\"}]");
        assertThat(errors("session", headers("Cookie", "other=1")))
                .isEqualTo("[{\"type\":\"missing\",\"loc\":[\"cookie\",\"session\"],\"msg\":\"Field required\",\"input\":null}]");
    }

    @Test
    void pathValuesAreConvertedAndValidated() {
        assertThat(value("itemId", path("item_id", "42"))).isEqualTo(42);
        assertThat(value("room", path("room", "lobby"))).isEqualTo("lobby");
        assertThat(errors("itemId", path("item_id", "abc"))).isEqualTo("[{\"type\":\"int_parsing\",\"loc\":[\"path\",\"item_id\"],"
                + "\"msg\":\"Input should be a valid integer, unable to parse string as an integer\",\"input\":\"abc\"}]");
        assertThat(errors("code", path("code", "abcdef"))).isEqualTo("[{\"type\":\"string_too_long\",\"loc\":[\"path\",\"code\"],"
                + "\"msg\":\"String should have at most 3 characters\",\"input\":\"abcdef\",\"ctx\":{\"max_length\":3}}]");
    }

    @Test
    void pathDefaultAndMissingPath() {
        assertThat(value("defaultRoom", path("other", "x"))).isEqualTo("lobby");
        assertThat(errors("room", path("other", "x")))
                .isEqualTo("[{\"type\":\"missing\",\"loc\":[\"path\",\"room\"],\"msg\":\"Field required\",\"input\":null}]");
    }

    @Test
    void typesThatAreNotTOptionalListOrSetOfAConcreteClassAreRefused() {
        String fix = " cannot be read from the handshake. Fix: use T, Optional<T>, List<T> or Set<T> with a concrete T";
        assertThatThrownBy(() -> param("map")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("WSD-0103 SITE: type java.util.Map<java.lang.String, java.lang.String>" + fix);
        assertThatThrownBy(() -> param("nested")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("WSD-0103 SITE: type java.util.List<java.util.List<java.lang.String>>" + fix);
        assertThatThrownBy(() -> param("wildcard")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("WSD-0103 SITE: type java.util.List<?>" + fix);
    }

    @Test
    void typesWithoutConverterAreRefusedNamingTheFix() {
        assertThatThrownBy(() -> param("object")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("WSD-0102 SITE: no conversion from a handshake string to java.lang.Object. Fix: use a supported type (String, primitives,"
                        + " BigDecimal, BigInteger, enums, UUID, Instant, LocalDate, LocalDateTime, Duration) or add a bean implementing"
                        + " ParamConverter<Object>");
        assertThatThrownBy(() -> param("raw")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("WSD-0102 SITE: no conversion from a handshake string to java.util.List.");
    }

    @Test
    void converterLookupUsesTheElementClass() {
        List<Class<?>> asked = new ArrayList<>();
        Field field = field("tags");
        HandshakeParams.create(HandshakeParams.qualifierOf(field.getAnnotations()), "tags", field.getGenericType(), field.getAnnotations(),
                type -> {
                    asked.add(type);
                    return Conversions.builtIn(type);
                }, constraints(field), "SITE");

        assertThat(asked).containsExactly(Integer.class);
    }

    @Test
    void emailAndOtherBeanValidationConstraintsWork() {
        assertThat(value("email", query("email=a%40b.example"))).isEqualTo("a@b.example");
        assertThat(errors("email", query("email=nobody"))).isEqualTo("[{\"type\":\"email\",\"loc\":[\"query\",\"email\"],"
                + "\"msg\":\"must be a well-formed email address\",\"input\":\"nobody\"}]");
    }

    @Test
    void numericConstraintOnACollectionIsEitherRefusedOrChecked() {
        Throwable refused = catchThrowable(() -> param("minOnList"));
        if (refused == null) {
            assertThat(resolve("minOnList", query("minOnList=0"))[1]).as("errors for ?minOnList=0").isNotNull();
        } else {
            assertThat(refused).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void resolveIsRepeatableOnOneInstance() {
        HandshakeParam tags = param("tags");
        List<ValidationError> errors = new ArrayList<>();

        assertThat(tags.resolve(query("tags=1"), errors)).isEqualTo(List.of(1));
        assertThat(tags.resolve(query("tags=2&tags=3"), errors)).isEqualTo(List.of(2, 3));
        assertThat(errors).isEmpty();
    }

    @Test
    void errorsAreAppendedToWhatIsAlreadyThere() {
        List<ValidationError> errors = new ArrayList<>();
        errors.add(new ValidationError("x", List.of("query", "x"), "x", null));

        param("token").resolve(query(""), errors);

        assertThat(errors).hasSize(2);
        assertThat(errors.get(1).type()).isEqualTo("missing");
    }
}
