package org.wsdepends.internal;

import java.util.List;
import java.security.Principal;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.websocket.Encoder;

import org.wsdepends.core.Dependant;
import org.wsdepends.core.InjectionPlan;
import org.wsdepends.core.Roles;

/**
 * Everything about one wrapped endpoint class that can be worked out at deployment.
 *
 * @param type           the endpoint class
 * @param path           the {@code @ServerEndpoint} path template
 * @param connection     what is resolved when a connection opens: package and class dependencies,
 *                       then the injection points, then the handshake values and connection
 *                       dependencies of handler parameters
 * @param plan           where each connection value goes (fields, constructor and initializer
 *                       parameters, handler parameters)
 * @param onOpen         the {@code @OnOpen} method, {@code null} if none
 * @param onClose        the {@code @OnClose} method, {@code null} if none
 * @param onError        the {@code @OnError} method, {@code null} if none
 * @param onMessage      the {@code @OnMessage} methods
 * @param keepsHandshake whether message-time dependencies read the handshake, so it must be kept
 * @param headerNames    the request headers any input reads (case-insensitive; {@code Cookie} for
 *                       cookies): the only ones copied from the handshake
 * @param encoders       the declared encoders
 * @param roles          what the class's security annotation requires at the handshake, {@code null} if none
 * @param identityIndex  the index of the connection's {@code Identity} among the connection values, {@code -1}
 *                       if neither a security annotation nor an injection point needs it
 * @param bearerCarrier  whether a bearer token is read, so the {@code bearer} subprotocol is selected when offered
 * @param containerRoles the roles the handshake asks the container about when its principal is the
 *                       {@code Identity}; empty if the endpoint does not use the container's identity
 */
public record EndpointModel(
        Class<?> type,
        String path,
        Dependant connection,
        InjectionPlan plan,
        HandlerMethod onOpen,
        HandlerMethod onClose,
        HandlerMethod onError,
        List<HandlerMethod> onMessage,
        boolean keepsHandshake,
        Set<String> headerNames,
        List<Class<? extends Encoder>> encoders,
        Roles roles,
        int identityIndex,
        boolean bearerCarrier,
        Set<String> containerRoles) {

    /**
     * The container's answer about the roles this endpoint declares, asked on the upgrade request: the container can
     * say whether its principal is in a role, not list the roles, and only while the upgrade request is handled.
     *
     * @param principal    the principal the container authenticated for the upgrade, {@code null} if none
     * @param isUserInRole the container's {@code isUserInRole} of that request
     * @return the roles granted, empty without a principal
     */
    public Set<String> grantedRoles(Principal principal, Predicate<String> isUserInRole) {
        if (principal == null || containerRoles.isEmpty()) {
            return Set.of();
        }
        Set<String> granted = new HashSet<>();
        for (String role : containerRoles) {
            if (isUserInRole.test(role)) {
                granted.add(role);
            }
        }
        return granted;
    }

    /** @return FastAPI's description of the route, e.g. {@code WS /rooms/{room} (com.acme.ChatEndpoint)} */
    public String description() {
        return "WS " + path + " (" + type.getName() + ")";
    }
}
