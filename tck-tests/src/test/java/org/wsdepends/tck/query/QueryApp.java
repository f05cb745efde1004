package org.wsdepends.tck.query;

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

import org.wsdepends.DefaultValue;
import org.wsdepends.Query;
import org.wsdepends.spi.ParamConverter;

/** The application {@link QueryBindingTest} deploys. */
public final class QueryApp {

    private QueryApp() {
    }

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
}
