package org.wsdepends.tck.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeployedWarTest;
import org.wsdepends.tck.support.Recorder;
import org.wsdepends.tck.support.ServerLog;
import org.wsdepends.tck.support.Wars;

/**
 * Design §5 with an identity producer: credentials from each carrier, not authenticated and forbidden with
 * FastAPI's bodies, roles at the handshake and per message. The token never reaches the peer or the log.
 */
public class SecurityTest extends DeployedWarTest {

    private static final WsTestClient.Closed NOT_AUTHENTICATED = new WsTestClient.Closed(1008, "Not authenticated");
    private static final WsTestClient.Closed FORBIDDEN = new WsTestClient.Closed(1008, "Forbidden");

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Wars.war("security", SecurityApp.class, RoomEndpoint.class);
    }

    private WsTestClient connect(String path, Map<String, String> headers, String... subprotocols) {
        return WsTestClient.connect(uri(path), headers, List.of(subprotocols));
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static void assertNotAuthenticated(WsTestClient client) {
        assertThat(client.nextText()).isEqualTo("{\"detail\":\"Not authenticated\"}");
        assertThat(client.nextClose()).isEqualTo(NOT_AUTHENTICATED);
    }

    @Test
    void aBearerTokenComesFromTheAuthorizationHeaderInAnyCase() {
        try (WsTestClient client = connect("/bearer", Map.of("Authorization", "bEaReR " + SecurityApp.MARKER))) {
            assertThat(client.nextText()).isEqualTo("token of " + SecurityApp.MARKER.length() + " characters");
        }
    }

    @Test
    void theBrowserCarrierSelectsTheBearerSubprotocolNeverTheToken() {
        try (WsTestClient client = connect("/bearer", Map.of(), "bearer", SecurityApp.MARKER)) {
            assertThat(client.subprotocol()).isEqualTo("bearer");
            assertThat(client.nextText()).isEqualTo("token of " + SecurityApp.MARKER.length() + " characters");
        }
    }

    @Test
    void missingMalformedOrDoubleCarriedTokensAreNotAuthenticatedBeforeOtherErrors() {
        try (WsTestClient client = connect("/bearer?n=notanumber", Map.of())) {
            assertNotAuthenticated(client);
        }
        try (WsTestClient client = connect("/bearer", Map.of("Authorization", "Basic " + SecurityApp.MARKER))) {
            assertNotAuthenticated(client);
        }
        try (WsTestClient client = connect("/bearer", Map.of("Authorization", "Bearer")))  {
            assertNotAuthenticated(client);
        }
        try (WsTestClient client = connect("/bearer", bearer(SecurityApp.MARKER), "bearer", SecurityApp.MARKER)) {
            assertNotAuthenticated(client);
        }
    }

    @Test
    void anOptionalTokenIsEmptyWhenAbsent() {
        try (WsTestClient client = connect("/optional", Map.of())) {
            assertThat(client.nextText()).isEqualTo("anonymous");
        }
        try (WsTestClient client = connect("/optional", bearer("x"))) {
            assertThat(client.nextText()).isEqualTo("with token");
        }
    }

    @Test
    void apiKeysComeFromTheirHeaderQueryParameterOrCookie() {
        String basic = Base64.getEncoder().encodeToString("ann:s3cret".getBytes(StandardCharsets.UTF_8));
        try (WsTestClient client = connect("/keys?key=q1", Map.of("X-API-Key", "h1", "Cookie", "session=c1",
                "Authorization", "Basic " + basic))) {
            assertThat(client.nextText()).isEqualTo("h1 q1 c1 ann");
        }
        try (WsTestClient client = connect("/keys?key=q1", Map.of())) {
            assertNotAuthenticated(client);
        }
    }

    @Test
    void basicCredentialsAreDecodedAndMalformedOnesRefused() {
        String basic = Base64.getEncoder().encodeToString("ann:s3cret".getBytes(StandardCharsets.UTF_8));
        try (WsTestClient client = connect("/basic", Map.of("Authorization", "Basic " + basic))) {
            assertThat(client.nextText()).isEqualTo("ann:6");
        }
        String noColon = Base64.getEncoder().encodeToString("ann".getBytes(StandardCharsets.UTF_8));
        for (String malformed : new String[] {"Basic " + noColon, "Basic %%%"}) {
            try (WsTestClient client = connect("/basic", Map.of("Authorization", malformed))) {
                assertNotAuthenticated(client);
            }
        }
    }

    @Test
    void rolesAreCheckedAtTheHandshakeAndForEveryMessage() {
        try (WsTestClient client = connect("/room", Map.of())) {
            assertNotAuthenticated(client);
        }
        try (WsTestClient client = connect("/room", bearer("unknown"))) {
            assertNotAuthenticated(client);
        }
        assertOnlyAdminsKick(user -> connect("/room", bearer(user.equals("bob") ? "bob-token" : SecurityApp.MARKER)), EVENTS);
    }

    /**
     * {@link RoomEndpoint}'s roles, whatever the identity's source: bob, a user, is welcome but each of his
     * kicks is forbidden and his connection stays open; alice, an admin, kicks.
     *
     * @param connectAs opens a connection to the room as "bob" or "alice"
     * @param events    what the deployment recorded
     */
    static void assertOnlyAdminsKick(Function<String, WsTestClient> connectAs, Recorder events) {
        try (WsTestClient client = connectAs.apply("bob")) {
            assertThat(client.nextText()).isEqualTo("welcome bob");
            client.sendText("carol");
            assertThat(client.nextText()).isEqualTo("{\"detail\":\"Forbidden\"}");
            client.sendText("dave");
            assertThat(client.nextText()).as("the connection stays open").isEqualTo("{\"detail\":\"Forbidden\"}");
            assertThat(client.close(1000, "bye").code()).isEqualTo(1000);
        }
        try (WsTestClient client = connectAs.apply("alice")) {
            assertThat(client.nextText()).isEqualTo("welcome alice");
            client.sendText("carol");
            assertThat(client.nextText()).isEqualTo("kicked carol");
        }
        assertThat(events.events()).containsExactly("kicked carol");
    }

    @Test
    void aMethodAnnotationOverridesTheClassAndDenyAllRefusesEveryone() {
        try (WsTestClient client = connect("/admins", bearer("bob-token"))) {
            assertThat(client.nextText()).isEqualTo("{\"detail\":\"Forbidden\"}");
            assertThat(client.nextClose()).isEqualTo(FORBIDDEN);
        }
        try (WsTestClient client = connect("/admins", bearer(SecurityApp.MARKER))) {
            assertThat(client.nextText()).isEqualTo("admin");
            client.sendText("hi");
            assertThat(client.nextText()).isEqualTo("hi");
        }
        try (WsTestClient client = connect("/closed", bearer(SecurityApp.MARKER))) {
            assertThat(client.nextText()).isEqualTo("{\"detail\":\"Forbidden\"}");
            assertThat(client.nextClose()).isEqualTo(FORBIDDEN);
        }
    }

    @Test
    void anExpiringIdentityClosesItsConnectionThenAndCleansUpOnce() {
        try (WsTestClient client = connect("/expiring", bearer("short-token"))) {
            assertThat(client.nextText()).isEqualTo("hello eve");
            assertThat(client.nextClose()).as("a close only, no frame before it")
                    .isEqualTo(new WsTestClient.Closed(1008, "Token expired"));
        }
        assertThat(EVENTS.awaitEvent("lease disposed")).containsOnlyOnce("lease disposed");
        try (WsTestClient client = connect("/expiring", bearer("old-token"))) {
            assertNotAuthenticated(client);
        }
    }

    @Test
    void theTokenNeverReachesTheServerLog() {
        try (WsTestClient client = connect("/admins", bearer(SecurityApp.MARKER))) {
            assertThat(client.nextText()).isEqualTo("admin");
        }
        assertThat(ServerLog.text()).doesNotContain(SecurityApp.MARKER);
    }
}
