package org.wsdepends.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.wsdepends.security.ApiKey;
import org.wsdepends.security.BasicAuth;
import org.wsdepends.security.BasicCredentials;
import org.wsdepends.security.BearerToken;
import org.wsdepends.security.ForbiddenException;
import org.wsdepends.security.Identity;
import org.wsdepends.security.NotAuthenticatedException;

/** Credentials from the handshake (design §5), without a server. */
class CredentialTest {

    @SuppressWarnings("unused")
    static class Sites {
        @BearerToken String token;
        @BearerToken Optional<String> maybe;
        @BasicAuth BasicCredentials basic;
        @ApiKey(name = "key", in = ApiKey.In.QUERY) String queryKey;
        @BearerToken int wrongType;
    }

    private static Credential credential(String name) {
        try {
            Field field = Sites.class.getDeclaredField(name);
            return Credential.of(field.getAnnotations(), field.getGenericType(), "SITE");
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }

    private static HandshakeData headers(Map<String, List<String>> headers) {
        return HandshakeData.of("", headers, null, null);
    }

    @Test
    void theBearerSchemeIsCaseInsensitiveAndTheCarrierWorks() {
        assertThat(credential("token").resolve(headers(Map.of("Authorization", List.of("bearer abc"))))).isEqualTo("abc");
        assertThat(credential("token").resolve(headers(Map.of("Sec-WebSocket-Protocol", List.of("chat, bearer, abc")))))
                .isEqualTo("abc");
        assertThat(credential("token").headers()).containsExactlyInAnyOrder("Authorization", "Sec-WebSocket-Protocol");
        assertThat(credential("token").isBearer()).isTrue();
    }

    @Test
    void twoAuthorizationHeadersBothCarriersOrNoTokenAreNotAuthenticated() {
        for (Map<String, List<String>> refused : List.of(
                Map.of("Authorization", List.of("Bearer a", "Bearer b")),
                Map.of("Authorization", List.of("Bearer a"), "Sec-WebSocket-Protocol", List.of("bearer, a")),
                Map.of("Sec-WebSocket-Protocol", List.of("bearer")),
                Map.of("Sec-WebSocket-Protocol", List.of("bearer, a, bearer, b")),
                Map.of("Authorization", List.of("Token abc")),
                Map.<String, List<String>>of())) {
            assertThatThrownBy(() -> credential("token").resolve(headers(refused))).as(refused.toString())
                    .isInstanceOf(NotAuthenticatedException.class).hasMessage("WebSocket close 1008: Not authenticated");
            assertThat(credential("maybe").resolve(headers(refused))).isEqualTo(Optional.empty());
        }
    }

    @Test
    void basicCredentialsAndApiKeys() {
        assertThat(credential("basic").resolve(headers(Map.of("Authorization", List.of("Basic YW5uOnM6M2NyZXQ=")))))
                .isEqualTo(new BasicCredentials("ann", "s:3cret"));
        assertThat(new BasicCredentials("ann", "s3cret").toString()).doesNotContain("s3cret");
        assertThat(credential("queryKey").resolve(HandshakeData.of("key=k1", null, null, null))).isEqualTo("k1");
        assertThatThrownBy(() -> credential("queryKey").resolve(HandshakeData.of("key=k1&key=k2", null, null, null)))
                .isInstanceOf(NotAuthenticatedException.class);
    }

    @Test
    void anUnsupportedTypeIsADeploymentProblem() {
        assertThatThrownBy(() -> credential("wrongType")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("WSD-0111 SITE: @BearerToken cannot be injected as int. Fix: declare it String (required) or"
                        + " Optional<String>");
    }

    @jakarta.annotation.security.RolesAllowed({"a", "b"})
    static class Guarded {
        @jakarta.annotation.security.DenyAll
        void denied() {
        }

        @jakarta.annotation.security.PermitAll
        void open() {
        }
    }

    @Test
    void rolesAllowDenyAndPermit() throws NoSuchMethodException {
        Roles roles = Roles.of(Guarded.class);
        roles.check(Identity.of("x", Set.of("b")));
        assertThatThrownBy(() -> roles.check(Identity.of("x", Set.of("c")))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> roles.check(null)).isInstanceOf(NotAuthenticatedException.class);
        assertThatThrownBy(() -> Roles.of(Guarded.class.getDeclaredMethod("denied")).check(Identity.of("x", Set.of("a"))))
                .isInstanceOf(ForbiddenException.class);
        Roles.of(Guarded.class.getDeclaredMethod("open")).check(null);
        assertThat(Roles.of(Object.class)).isNull();
    }
}
