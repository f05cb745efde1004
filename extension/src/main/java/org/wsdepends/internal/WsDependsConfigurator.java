package org.wsdepends.internal;

import java.security.Principal;
import java.util.List;
import java.util.function.Supplier;

import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import org.wsdepends.core.Credential;
import org.wsdepends.core.HandshakeData;

/**
 * The configurator of a wrapped endpoint's adapter. It passes the handshake to the user's own
 * configurator (or the container's default), copies the handshake into the connection's user
 * properties (or, when the connection was resolved before the upgrade, that {@link Admission}), and hands the
 * container a fresh adapter per connection. The user's endpoint itself is
 * created later, in the adapter's {@code onOpen}, where the handshake is known: the container gives
 * {@code getEndpointInstance} no connection to correlate with (research/containers.md §3).
 */
final class WsDependsConfigurator extends ServerEndpointConfig.Configurator {

    static final String HANDSHAKE = "org.wsdepends.handshake";

    private final Supplier<EndpointRuntime> runtime;
    private final ServerEndpointConfig.Configurator user;

    /**
     * @param runtime the endpoint's runtime; a WAR's {@code ServerApplicationConfig} runs before CDI
     *                is ready, so it is asked for on the first handshake
     * @param user    the endpoint's own configurator, {@code null} for the container's default
     */
    WsDependsConfigurator(Supplier<EndpointRuntime> runtime, ServerEndpointConfig.Configurator user) {
        this.runtime = runtime;
        this.user = user;
    }

    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        String negotiated = user != null ? user.getNegotiatedSubprotocol(supported, requested)
                : super.getNegotiatedSubprotocol(supported, requested);
        if ((negotiated == null || negotiated.isEmpty()) && runtime.get().model.bearerCarrier()) {
            // the browser carrier of a bearer token: select "bearer", never the token that follows it
            for (String offered : requested) {
                if (offered.equalsIgnoreCase(Credential.BEARER_SUBPROTOCOL)) {
                    return offered;
                }
            }
        }
        return negotiated;
    }

    @Override
    public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
        return user != null ? user.getNegotiatedExtensions(installed, requested) : super.getNegotiatedExtensions(installed, requested);
    }

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        // false makes the container answer 403 before the upgrade, in every mode (design §5)
        return (user != null ? user.checkOrigin(originHeaderValue) : super.checkOrigin(originHeaderValue))
                && runtime.get().origins.allows(originHeaderValue);
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        if (user != null) {
            user.modifyHandshake(config, request, response);
        } else {
            super.modifyHandshake(config, request, response);
        }
        Admission admitted = Admission.upgrading(runtime.get());
        if (admitted != null) {
            config.getUserProperties().put(Admission.KEY, admitted);
        } else {
            EndpointModel model = runtime.get().model;
            Principal principal = request.getUserPrincipal();
            // the container's identity is known only here, on the upgrade request it authenticated
            config.getUserProperties().put(HANDSHAKE, HandshakeData.of(request.getQueryString(), request.getHeaders(), null,
                    principal, model.grantedRoles(principal, request::isUserInRole), model.headerNames()));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        return (T) new WrappedEndpoint(runtime.get());
    }
}
