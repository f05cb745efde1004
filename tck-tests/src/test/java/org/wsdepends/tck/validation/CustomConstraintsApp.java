package org.wsdepends.tck.validation;

import java.io.IOException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Depends;
import org.wsdepends.Path;
import org.wsdepends.Query;

/**
 * The application {@link CustomConstraintsTest} deploys: handshake values under a user-defined constraint with its
 * own validator, {@code @Email}, and a constraint composed of two built-in ones on a producer parameter.
 */
public final class CustomConstraintsApp {

    private CustomConstraintsApp() {
    }

    /** A room the application knows. */
    @Documented
    @Constraint(validatedBy = KnownRoom.class)
    @Target({ElementType.FIELD, ElementType.PARAMETER})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface ValidRoom {
        String message() default "must be a known room";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static class KnownRoom implements ConstraintValidator<ValidRoom, String> {
        private static final Set<String> ROOMS = Set.of("lobby", "kitchen");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || ROOMS.contains(value);
        }
    }

    /** A user handle: both composing constraints report on their own. */
    @Documented
    @Size(min = 3, max = 12)
    @Pattern(regexp = "[a-z0-9_]+")
    @Constraint(validatedBy = {})
    @Target({ElementType.FIELD, ElementType.PARAMETER})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface HandleFormat {
        String message() default "must be a handle";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public record Handle(String value) {
    }

    @ApplicationScoped
    public static class Handles {
        @Produces @Depends
        Handle handle(@Query("handle") @HandleFormat String handle) {
            return new Handle(handle);
        }
    }

    @ServerEndpoint("/custom/{room}")
    public static class CustomEndpoint {
        @Inject @Path("room") @ValidRoom String room;
        @Inject @Query("email") @Email String email;
        @Inject @Depends Handle handle;

        @OnOpen
        public void open(Session session) throws IOException {
            session.getBasicRemote().sendText(room + " " + email + " " + handle.value());
        }
    }
}
