package org.wsdepends.tck.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wsdepends.DefaultValue;
import org.wsdepends.Query;
import org.wsdepends.embedded.WsDependsServer;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.spi.ParamConverter;

/** @Query: conversions, optional/default/collections, percent-decoding, ParamConverter beans, errors. */
class QueryBindingTest {

    static WsDependsServer server;

    public enum Color { RED, GREEN }

    /** A type only a ParamConverter bean can read. */
    public record Point(int x, int y) {
    }

    @ApplicationScoped
    public static class PointConverter implements ParamConverter<Point> {
        @Override
        public Point fromString(String value) {
            String[] parts = value.split(",");
            if (parts.length != 2) {
                throw new IllegalArgumentException("expected x,y");
            }
            return new Point(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        }
    }

    @ServerEndpoint("/types")
    public static class TypesEndpoint {
        @Inject @Query("s") String text;
        @Inject @Query long number;
        @Inject @Query("flag") boolean flag;
        @Inject @Query("amount") BigDecimal amount;
        @Inject @Query("color") Color color;
        @Inject @Query("id") UUID id;
        @Inject @Query("day") LocalDate day;
        @Inject @Query("wait") Duration wait;
        @Inject @Query("point") Point point;

        @OnOpen
        public void open(Session session) throws java.io.IOException {
            session.getBasicRemote().sendText(String.join("|", text, String.valueOf(number), String.valueOf(flag),
                    amount.toPlainString(), color.name(), id.toString(), day.toString(), wait.toString(), point.toString()));
        }
    }

    @ServerEndpoint("/shapes")
    public static class ShapesEndpoint {
        @Inject @Query("tag") List<Integer> tags;
        @Inject @Query("kind") Set<String> kinds;
        @Inject @Query("maybe") Optional<Integer> maybe;
        @Inject @Query("page") @DefaultValue("1") int page;
        @Inject @Query("name") @Size(min = 2, max = 5) Optional<String> name;

        @OnOpen
        public void open(Session session) throws java.io.IOException {
            session.getBasicRemote().sendText(tags + " " + kinds + " " + maybe + " " + page + " " + name);
        }
    }

    @BeforeAll
    static void start() {
        server = WsDependsServer.builder().port(0).endpoints(TypesEndpoint.class, ShapesEndpoint.class)
                .beans(PointConverter.class).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyBuiltInConversionAndAConverterBean() {
        String query = "s=a%20b%2Bc&number=-42&flag=yes&amount=12.50&color=GREEN&id=123e4567-e89b-12d3-a456-426614174000"
                + "&day=2026-11-24&wait=PT5S&point=3,4";
        try (WsTestClient client = WsTestClient.connect(server.uri("/types?" + query))) {
            assertThat(client.nextText()).isEqualTo(
                    "a b+c|-42|true|12.50|GREEN|123e4567-e89b-12d3-a456-426614174000|2026-11-24|PT5S|Point[x=3, y=4]");
        }
    }

    @Test
    void collectionsOptionalAndDefaults() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/shapes?tag=3&tag=1&kind=a&kind=b&kind=a"))) {
            assertThat(client.nextText()).isEqualTo("[3, 1] [a, b] Optional.empty 1 Optional.empty");
        }
        try (WsTestClient client = WsTestClient.connect(server.uri("/shapes?maybe=7&page=3&name=bob"))) {
            assertThat(client.nextText()).isEqualTo("[] [] Optional[7] 3 Optional[bob]");
        }
    }

    @Test
    void everyProblemIsReportedWithItsLocation() {
        try (WsTestClient client = WsTestClient.connect(server.uri("/shapes?tag=1&tag=x&maybe=1.5&name=abcdefg"))) {
            assertThat(client.nextText()).isEqualTo("{\"detail\":["
                    + "{\"type\":\"int_parsing\",\"loc\":[\"query\",\"tag\",1],\"msg\":\"Input should be a valid integer, unable to parse string as an integer\",\"input\":\"x\"},"
                    + "{\"type\":\"int_parsing\",\"loc\":[\"query\",\"maybe\"],\"msg\":\"Input should be a valid integer, unable to parse string as an integer\",\"input\":\"1.5\"},"
                    + "{\"type\":\"string_too_long\",\"loc\":[\"query\",\"name\"],\"msg\":\"String should have at most 5 characters\",\"input\":\"abcdefg\",\"ctx\":{\"max_length\":5}}"
                    + "]}");
            WsTestClient.Closed closed = client.nextClose();
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(closed.reason()).startsWith("[{\"type\":\"int_parsing\",\"loc\":[\"query\",\"tag\",1]").endsWith("...");
            assertThat(closed.reason().getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(123);
        }
    }

    @Test
    void enumAndConverterErrorsUsePydanticTypes() {
        String query = "s=x&number=1&flag=maybe&amount=1&color=BLUE&id=nope&day=2026-13-01&wait=PT5S&point=1";
        try (WsTestClient client = WsTestClient.connect(server.uri("/types?" + query))) {
            String detail = client.nextText();
            assertThat(detail).contains(
                    "{\"type\":\"bool_parsing\",\"loc\":[\"query\",\"flag\"],\"msg\":\"Input should be a valid boolean, unable to interpret input\",\"input\":\"maybe\"}",
                    "{\"type\":\"enum\",\"loc\":[\"query\",\"color\"],\"msg\":\"Input should be 'RED' or 'GREEN'\",\"input\":\"BLUE\",\"ctx\":{\"expected\":\"'RED' or 'GREEN'\"}}",
                    "\"type\":\"uuid_parsing\",\"loc\":[\"query\",\"id\"]",
                    "\"type\":\"date_parsing\",\"loc\":[\"query\",\"day\"]",
                    "{\"type\":\"value_error\",\"loc\":[\"query\",\"point\"],\"msg\":\"Value error, expected x,y\",\"input\":\"1\",\"ctx\":{\"error\":{}}}");
            assertThat(client.nextClose().code()).isEqualTo(1008);
        }
    }
}
