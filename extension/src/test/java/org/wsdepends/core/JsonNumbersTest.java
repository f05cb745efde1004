package org.wsdepends.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;

import jakarta.json.bind.annotation.JsonbProperty;

import org.junit.jupiter.api.Test;

/** Numbers meant for integral fields are checked before JSON-B narrows them (issue 10). */
class JsonNumbersTest {

    public record Line(String item, int quantity, @JsonbProperty("unit-price") long unitPrice, BigInteger big) {
    }

    public static class Order {
        public List<Line> lines;
        public short priority;
        public double total;
        public transient int ignored;
    }

    @Test
    void fitsPass() {
        assertThat(JsonNumbers.check("{\"lines\":[{\"item\":\"a\",\"quantity\":2,\"unit-price\":5,\"big\":1e30}],"
                + "\"priority\":3,\"total\":1.5,\"other\":1.5}", Order.class)).isEmpty();
        assertThat(JsonNumbers.check("{\"lines\":[{\"quantity\":2.0}]}", Order.class)).as("an integral value written as 2.0").isEmpty();
    }

    @Test
    void fractionsAndOutOfRangeValuesAreReportedAtTheirLocation() {
        assertThat(ErrorReports.toJson(JsonNumbers.check("{\"lines\":[{\"quantity\":1},{\"quantity\":1.5,\"unit-price\":1e19,"
                + "\"big\":0.5}],\"priority\":-40000}", Order.class))).isEqualTo("["
                + "{\"type\":\"int_from_float\",\"loc\":[\"body\",\"lines\",1,\"quantity\"],\"msg\":\"Input should be a valid"
                + " integer, got a number with a fractional part\",\"input\":1.5},"
                + "{\"type\":\"less_than_equal\",\"loc\":[\"body\",\"lines\",1,\"unit-price\"],\"msg\":\"Input should be less than"
                + " or equal to 9223372036854775807\",\"input\":1E+19,\"ctx\":{\"le\":9223372036854775807}},"
                + "{\"type\":\"int_from_float\",\"loc\":[\"body\",\"lines\",1,\"big\"],\"msg\":\"Input should be a valid integer,"
                + " got a number with a fractional part\",\"input\":0.5},"
                + "{\"type\":\"greater_than_equal\",\"loc\":[\"body\",\"priority\"],\"msg\":\"Input should be greater than or equal"
                + " to -32768\",\"input\":-40000,\"ctx\":{\"ge\":-32768}}]");
    }

    @Test
    void aTopLevelIntegralOrListIsCheckedToo() {
        assertThat(JsonNumbers.check("[1, 2.5]", int[].class)).extracting(error -> error.loc())
                .containsExactly(List.of("body", 1));
        assertThat(JsonNumbers.check("99999999999", Integer.class)).extracting(error -> error.type()).containsExactly("less_than_equal");
    }
}
