package org.wsdepends.tck.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.wsdepends.tck.support.RawHandshake.assertJson;

import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wsdepends.embedded.WsTestClient;
import org.wsdepends.tck.support.DeploymentUrls;
import org.wsdepends.tck.support.RawHandshake;
import org.wsdepends.tck.support.Recorder;
import org.wsdepends.tck.support.ServerLog;
import org.wsdepends.tck.support.Wars;

/**
 * Design §5's second identity source: with no {@code Identity} producer, the principal the container authenticated
 * for the upgrade request (here Jakarta Security's HTTP Basic mechanism and an identity store of the WAR) is the
 * identity, and its roles are the container's {@code isUserInRole}, at the handshake and, for endpoints that
 * reject before the upgrade, in wsdepends' filter before the {@code 101}. The embedded runtime has no container
 * security: there the same WAR fails to deploy with WSD-0208.
 */
@ExtendWith(ArquillianExtension.class)
public class ContainerSecurityTest {

    private static final String DEPLOYMENT = "container-security";
    private static final Recorder EVENTS = new Recorder();
    private static final WsTestClient.Closed FORBIDDEN = new WsTestClient.Closed(1008, "Forbidden");

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    public static WebArchive deployment() {
        return Wars.war("container-security", ContainerSecurityApp.class, RoomEndpoint.class)
                .setWebXML(new StringAsset(ContainerSecurityApp.WEB_XML));
    }

    @ArquillianResource
    Deployer deployer;

    private boolean deployed;

    private static boolean embedded() {
        return "embedded".equals(System.getProperty("wsdepends.tck.container", "embedded"));
    }

    private URI deploy(String path) {
        return Wars.ws(deploy(), path);
    }

    private URL deploy() {
        assumeFalse(embedded(), "the embedded runtime has no container security");
        deployer.deploy(DEPLOYMENT);
        deployed = true;
        EVENTS.clear();
        return DeploymentUrls.of(DEPLOYMENT);
    }

    @AfterEach
    void undeploy() {
        if (deployed) {
            deployer.undeploy(DEPLOYMENT);
        }
    }

    private static Map<String, String> basic(String user) {
        String pair = user + ":pw-" + user;
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theContainersPrincipalIsTheIdentityWithTheDeclaredRolesItGranted() {
        URI whoami = deploy("/whoami");
        for (String user : new String[] {"alice", "bob", "carol"}) {
            try (WsTestClient client = WsTestClient.connect(whoami, basic(user), List.of())) {
                assertThat(client.nextText()).isEqualTo(switch (user) {
                    case "alice" -> "alice [admin, user]";
                    case "bob" -> "bob [user]";
                    default -> "carol []";
                });
                client.sendText("hi");
                assertThat(client.nextText()).isEqualTo(user + ": hi");
            }
        }
    }

    @Test
    void theContainersRolesAreCheckedAtTheHandshakeAndForEveryMessage() {
        URI room = deploy("/room");
        SecurityTest.assertOnlyAdminsKick(user -> WsTestClient.connect(room, basic(user), List.of()), EVENTS);
        try (WsTestClient client = WsTestClient.connect(room, basic("carol"), List.of())) {
            assertThat(client.nextText()).isEqualTo("{\"detail\":\"Forbidden\"}");
            assertThat(client.nextClose()).isEqualTo(FORBIDDEN);
        }
    }

    @Test
    void withoutCredentialsTheContainerRefusesTheGuardedUpgrade() {
        URL base = deploy();
        URI room = Wars.ws(base, "/room");
        RawHandshake answer = RawHandshake.send(Wars.http(base, "/room"), Map.of());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).singleElement().asString()
                .isEqualToIgnoringCase("Basic realm=\"wsdepends\"");
        Throwable refused = catchThrowable(() -> WsTestClient.connect(room, basic("mallory"), List.of()).close());
        assertThat(refused).rootCause().hasMessage("Unexpected HTTP response status code 401");
    }

    @Test
    void outsideTheConstraintWsdependsRefusesTheAnonymousCaller() {
        URI lobby = deploy("/lobby");
        try (WsTestClient client = WsTestClient.connect(lobby)) {
            assertThat(client.nextText()).isEqualTo("{\"detail\":\"Not authenticated\"}");
            assertThat(client.nextClose()).isEqualTo(new WsTestClient.Closed(1008, "Not authenticated"));
        }
    }

    @Test
    void beforeTheUpgradeTheContainersRolesDecide() {
        URI gate = Wars.http(deploy(), "/gate");

        RawHandshake admitted = RawHandshake.send(gate, basic("alice"));
        assertThat(admitted.status()).isEqualTo(101);
        assertThat(EVENTS.awaitEvent("gate alice [admin, user]")).containsExactly("gate alice [admin, user]");
        // bob has a role, not the one the endpoint requires; carol has none
        for (String user : List.of("bob", "carol")) {
            assertJson(RawHandshake.send(gate, basic(user)), 403, "{\"detail\":\"Forbidden\"}");
        }
        assertThat(EVENTS.events()).containsExactly("gate alice [admin, user]");
    }

    @Test
    void beforeTheUpgradeOutsideTheConstraintTheAnonymousCallerGets401WithoutAChallenge() {
        RawHandshake answer = RawHandshake.send(Wars.http(deploy(), "/gate-lobby"), Map.of());

        assertJson(answer, 401, "{\"detail\":\"Not authenticated\"}");
        // the endpoint declares no credential scheme, and the container challenges only inside its constraint
        assertThat(answer.header("WWW-Authenticate")).isEmpty();
        assertThat(EVENTS.events()).isEmpty();
    }

    @Test
    void theEmbeddedRuntimeHasNoContainerSecurityAndRefusesTheDeployment() {
        assumeTrue(embedded());
        Throwable failed = catchThrowable(() -> deployer.deploy(DEPLOYMENT));

        assertThat(failed).isNotNull();
        assertThat(ServerLog.text()).contains("WSD-0208 class " + ContainerSecurityApp.Lobby.class.getName()
                + ": @RolesAllowed, @PermitAll or @DenyAll needs the connection's Identity, and no @Produces @Depends"
                + " Identity producer exists (the embedded runtime has no container security to take it from)");
    }
}
