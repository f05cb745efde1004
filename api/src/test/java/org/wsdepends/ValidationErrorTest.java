package org.wsdepends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ValidationErrorTest {

    @Test
    void fourArgumentConstructorHasNoContext() {
        ValidationError error = new ValidationError("missing", List.of("query", "token"), "Field required", null);

        assertThat(error.type()).isEqualTo("missing");
        assertThat(error.loc()).containsExactly("query", "token");
        assertThat(error.msg()).isEqualTo("Field required");
        assertThat(error.input()).isNull();
        assertThat(error.ctx()).isEmpty();
    }

    @Test
    void nullContextIsEmpty() {
        assertThat(new ValidationError("t", List.of("query", "q"), "m", "x", null).ctx()).isEmpty();
    }

    @Test
    void requiredComponentsAreChecked() {
        assertThatThrownBy(() -> new ValidationError(null, List.of(), "m", null)).isInstanceOf(NullPointerException.class).hasMessage("type");
        assertThatThrownBy(() -> new ValidationError("t", null, "m", null)).isInstanceOf(NullPointerException.class).hasMessage("loc");
        assertThatThrownBy(() -> new ValidationError("t", List.of(), null, null)).isInstanceOf(NullPointerException.class).hasMessage("msg");
    }

    @Test
    void locAndContextAreCopiedAndImmutable() {
        List<Object> loc = new ArrayList<>(List.of("query", "tags"));
        Map<String, Object> ctx = new HashMap<>(Map.of("ge", 1));
        ValidationError error = new ValidationError("greater_than_equal", loc, "m", "0", ctx);

        loc.add(1);
        ctx.put("le", 5);

        assertThat(error.loc()).containsExactly("query", "tags");
        assertThat(error.ctx()).containsOnlyKeys("ge");
        assertThatThrownBy(() -> error.loc().add(2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> error.ctx().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void contextKeepsItsOrder() {
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("field_type", "List");
        ctx.put("min_length", 2);
        ctx.put("actual_length", 1);

        assertThat(new ValidationError("too_short", List.of("query", "t"), "m", List.of("a"), ctx).ctx().keySet())
                .containsExactly("field_type", "min_length", "actual_length");
    }

    @Test
    void equalErrorsAreEqualWhateverTheMapAndListImplementations() {
        ValidationError a = new ValidationError("missing", new ArrayList<>(List.of("query", "q")), "Field required", null, new HashMap<>());
        ValidationError b = new ValidationError("missing", List.of("query", "q"), "Field required", null);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new ValidationError("missing", List.of("query", "r"), "Field required", null));
    }
}
