package org.wsdepends.tck.security;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Depends;
import org.wsdepends.security.Identity;
import org.wsdepends.security.RejectBeforeUpgrade;
import org.wsdepends.tck.support.Events;

/**
 * The application {@link ContainerSecurityTest} deploys: Jakarta Security authenticates the upgrade request (HTTP
 * Basic against an identity store of the WAR), and with no {@code Identity} producer the container's principal is
 * the identity. {@link #WEB_XML} guards {@code /room}, {@code /whoami} and {@code /gate}. The WAR adds {@link RoomEndpoint}, which
 * {@link SecurityTest} deploys with an identity producer.
 */
public final class ContainerSecurityApp {

    /**
     * Only authenticated callers reach the upgrades of {@link RoomEndpoint}, {@link WhoAmI} and {@link Gate}; the
     * roles are the endpoints' to check.
     */
    public static final String WEB_XML = """
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
              <security-constraint>
                <web-resource-collection>
                  <web-resource-name>members</web-resource-name>
                  <url-pattern>/room</url-pattern>
                  <url-pattern>/whoami</url-pattern>
                  <url-pattern>/gate</url-pattern>
                </web-resource-collection>
                <auth-constraint>
                  <role-name>**</role-name>
                </auth-constraint>
              </security-constraint>
              <security-role>
                <role-name>user</role-name>
              </security-role>
              <security-role>
                <role-name>admin</role-name>
              </security-role>
            </web-app>
            """;

    private ContainerSecurityApp() {
    }

    /** The users: alice is a user and an admin, bob a user, carol has no role; each password is "pw-" + name. */
    @ApplicationScoped
    @BasicAuthenticationMechanismDefinition(realmName = "wsdepends")
    public static class Users implements IdentityStore {
        private static final Map<String, Set<String>> GROUPS = Map.of(
                "alice", Set.of("user", "admin"),
                "bob", Set.of("user"),
                "carol", Set.of());

        public CredentialValidationResult validate(UsernamePasswordCredential credential) {
            Set<String> groups = GROUPS.get(credential.getCaller());
            if (groups == null || !credential.compareTo(credential.getCaller(), "pw-" + credential.getCaller())) {
                return CredentialValidationResult.INVALID_RESULT;
            }
            return new CredentialValidationResult(credential.getCaller(), groups);
        }
    }

    /**
     * Who the container says is connecting: the principal's name, and of the declared roles those it granted. It
     * names no role in a security annotation, so {@code @DeclareRoles} says which to ask the container about.
     */
    @ServerEndpoint("/whoami")
    @DeclareRoles({"user", "admin"})
    public static class WhoAmI {
        @Inject @Depends Identity identity;

        @OnOpen
        public void open(Session session) throws IOException {
            session.getBasicRemote().sendText(identity.name() + " " + new TreeSet<>(identity.roles()));
        }

        /** The identity as a message's dependency too: resolved from the handshake the connection kept. */
        @OnMessage
        public String echo(String text, @Depends Identity sender) {
            return sender.name() + ": " + text;
        }
    }

    /** Outside the constraint: the upgrade is not guarded by the container, the roles still are by wsdepends. */
    @ServerEndpoint("/lobby")
    @RolesAllowed("user")
    public static class Lobby {
        @OnOpen
        public void open(Session session) throws IOException {
            session.getBasicRemote().sendText("lobby");
        }
    }

    /**
     * Inside the constraint and rejecting before the upgrade: wsdepends' filter asks the container about the roles
     * before the {@code 101}. Records who opened, as the container identity says.
     */
    @RejectBeforeUpgrade
    @ServerEndpoint("/gate")
    @RolesAllowed("admin")
    @DeclareRoles({"user", "admin"})
    public static class Gate {
        @Inject @Depends Identity identity;

        @OnOpen
        public void open() {
            Events.add("gate " + identity.name() + " " + new TreeSet<>(identity.roles()));
        }
    }

    /** Outside the constraint and rejecting before the upgrade: the anonymous caller is refused with HTTP. */
    @RejectBeforeUpgrade
    @ServerEndpoint("/gate-lobby")
    @RolesAllowed("user")
    public static class GateLobby {
        @OnOpen
        public void open() {
            Events.add("gate lobby opened");
        }
    }
}
