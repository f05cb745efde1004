package org.wsdepends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RequestValidationExceptionTest {

    private static final String INT_MSG = "Input should be a valid integer, unable to parse string as an integer";

    private static ValidationError intParsing() {
        return new ValidationError("int_parsing", List.of("path", "item_id"), INT_MSG, "invalid");
    }

    private static ValidationError missing() {
        return new ValidationError("missing", List.of("query", "token"), "Field required", null);
    }

    @Test
    void oneErrorWithEndpoint() {
        RequestValidationException exception = new RequestValidationException(List.of(intParsing()), "WS /ws/{item_id}");

        assertThat(exception.getMessage()).startsWith("1 validation error:\n  {'type': 'int_parsing', 'loc': ")
                .endsWith(", 'msg': '" + INT_MSG + "', 'input': 'invalid'}\n\n  Endpoint: WS /ws/{item_id}")
                .doesNotContain("File \"");
        assertThat(exception.endpoint()).isEqualTo("WS /ws/{item_id}");
    }

    @Test
    void pluralAndMissingInputIsNone() {
        RequestValidationException exception = new RequestValidationException(List.of(missing(), intParsing()), "WS /q");

        String[] lines = exception.getMessage().split("\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).isEqualTo("2 validation errors:");
        assertThat(lines[1]).startsWith("  {'type': 'missing', 'loc': ").endsWith(", 'msg': 'Field required', 'input': None}");
        assertThat(lines[2]).startsWith("  {'type': 'int_parsing', 'loc': ").endsWith("'input': 'invalid'}");
        assertThat(lines[3]).isEmpty();
        assertThat(lines[4]).isEqualTo("  Endpoint: WS /q");
    }

    @Test
    void withoutEndpointThereIsNoContextLine() {
        RequestValidationException exception = new RequestValidationException(List.of(missing()), null);

        assertThat(exception.getMessage()).startsWith("1 validation error:\n  {'type': 'missing'").doesNotContain("Endpoint")
                .doesNotContain("\n\n").endsWith("}");
        assertThat(exception.endpoint()).isNull();
    }

    @Test
    void messageIsFastApisExactFormat() {
        RequestValidationException exception = new RequestValidationException(
                List.of(intParsing(), new ValidationError("int_parsing", List.of("query", "tags", 1), INT_MSG, "x")), "WS /ws/{item_id}");

        assertThat(exception.getMessage()).isEqualTo("2 validation errors:\n"
                + "  {'type': 'int_parsing', 'loc': ('path', 'item_id'), 'msg': '" + INT_MSG + "', 'input': 'invalid'}\n"
                + "  {'type': 'int_parsing', 'loc': ('query', 'tags', 1), 'msg': '" + INT_MSG + "', 'input': 'x'}\n"
                + "\n  Endpoint: WS /ws/{item_id}");
    }

    @Test
    void errorsAreAnImmutableCopy() {
        List<ValidationError> errors = new ArrayList<>(List.of(missing()));
        RequestValidationException exception = new RequestValidationException(errors, "WS /q");

        errors.add(intParsing());

        assertThat(exception.errors()).containsExactly(missing());
        assertThatThrownBy(() -> exception.errors().add(intParsing())).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void atLeastOneErrorIsRequired() {
        assertThatThrownBy(() -> new RequestValidationException(List.of(), "WS /q"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a RequestValidationException needs at least one error");
        assertThatThrownBy(() -> new RequestValidationException(null, "WS /q"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("errors");
    }

    @Test
    void isUnchecked() {
        assertThat(new RequestValidationException(List.of(missing()), null)).isInstanceOf(RuntimeException.class);
    }
}
