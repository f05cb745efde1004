package org.wsdepends.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.wsdepends.RequestValidationException;
import org.wsdepends.ValidationError;
import org.wsdepends.WebSocketException;
import org.wsdepends.security.ApiKey;
import org.wsdepends.security.BasicAuth;
import org.wsdepends.security.BasicCredentials;
import org.wsdepends.security.BearerToken;
import org.wsdepends.security.ForbiddenException;
import org.wsdepends.security.NotAuthenticatedException;

/** The HTTP answers before the upgrade (design §5), without a server. */
class RefusalTest {

    @SuppressWarnings("unused")
    static class Sites {
        @ApiKey(name = "X-API-Key") String key;
        @BearerToken Optional<String> token;
        @BasicAuth BasicCredentials basic;
        @BearerToken String again;
    }

    private static Input secret(String name) {
        try {
            Field field = Sites.class.getDeclaredField(name);
            return new Input.Secret(Credential.of(field.getAnnotations(), field.getGenericType(), name), name);
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void validationIs422WithTheErrorsOfTheDefaultModesFrame() {
        List<ValidationError> errors = List.of(new ValidationError("missing", List.of("query", "token"), "Field required",
                null, Map.of()));

        Refusal refusal = Refusal.of(new RequestValidationException(errors, "WS /x"), List.of("Bearer"));

        assertThat(refusal).isEqualTo(new Refusal(422, List.of(), ErrorReports.detailFrame(errors)));
        assertThat(refusal.body())
                .isEqualTo("{\"detail\":[{\"type\":\"missing\",\"loc\":[\"query\",\"token\"],\"msg\":\"Field required\",\"input\":null}]}");
    }

    @Test
    void notAuthenticatedIs401WithEveryChallengeInOrder() {
        Refusal refusal = Refusal.of(new NotAuthenticatedException(), List.of("ApiKey", "Bearer"));

        assertThat(refusal).isEqualTo(new Refusal(401, List.of(Map.entry("WWW-Authenticate", "ApiKey"),
                Map.entry("WWW-Authenticate", "Bearer")), "{\"detail\":\"Not authenticated\"}"));
    }

    @Test
    void forbiddenAndPolicyClosesAre403WithTheirReason() {
        assertThat(Refusal.of(new ForbiddenException(), List.of("Bearer")))
                .isEqualTo(new Refusal(403, List.of(), "{\"detail\":\"Forbidden\"}"));
        assertThat(Refusal.of(new WebSocketException(1008, "Room \"x\" is closed"), List.of()))
                .isEqualTo(new Refusal(403, List.of(), "{\"detail\":\"Room \\\"x\\\" is closed\"}"));
        assertThat(Refusal.forbidden("Forbidden origin").body()).isEqualTo("{\"detail\":\"Forbidden origin\"}");
    }

    @Test
    void tryAgainLaterIs503WithRetryAfter() {
        assertThat(Refusal.of(new WebSocketException(1013, "Busy"), List.of()))
                .isEqualTo(new Refusal(503, List.of(Map.entry("Retry-After", "5")), "{\"detail\":\"Busy\"}"));
    }

    @Test
    void anythingElseIsAGeneric500ThatTellsNothing() {
        Refusal bug = Refusal.of(new IllegalStateException("secret detail"), List.of());
        Refusal otherCode = Refusal.of(new WebSocketException(4001, "custom"), List.of());

        assertThat(bug).isEqualTo(new Refusal(500, List.of(), "{\"detail\":\"Internal server error\"}"));
        assertThat(bug.unexpected()).isTrue();
        assertThat(otherCode).isEqualTo(bug);
        assertThat(Refusal.of(new ForbiddenException(), List.of()).unexpected()).isFalse();
    }

    @Test
    void theChallengesAreTheDeclaredSchemesInDeclarationOrderThroughDependenciesEachOnce() {
        Dependency identity = new Dependency("Users#identity", "identity", arguments -> null);
        identity.setInputs(new Dependant(List.of(secret("token"), secret("basic"))));
        Dependant connection = new Dependant(List.of(secret("key"),
                new Input.Dep(identity, true, org.wsdepends.Scope.AUTO, "identity"),
                new Input.Dep(identity, false, org.wsdepends.Scope.AUTO, "identity again"), secret("again")));

        assertThat(Refusal.challenges(connection)).containsExactly("ApiKey", "Bearer", "Basic realm=\"wsdepends\"");
        assertThat(Refusal.challenges(Dependant.NONE)).isEmpty();
    }
}
