package org.wsdepends.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.core.PathTemplate;
import org.wsdepends.core.Refusal;
import org.wsdepends.security.RejectBeforeUpgrade;

/**
 * Rejection before the upgrade in a WAR: resolves a WebSocket upgrade request for an endpoint that rejects before
 * the upgrade ({@link UpgradeGate}), answers a failure with its HTTP status and JSON body, and on success asks the
 * container to upgrade with {@code ServerContainer.upgradeHttpToWebSocket} (Jakarta WebSocket 2.1), handing what
 * was resolved to the connection. Other requests go on unchanged. {@link WarRegistration} registers it, so that
 * rejection before the upgrade needs nothing but the jar in {@code WEB-INF/lib}.
 */
final class RejectionFilter implements Filter {

    private final Set<Class<?>> leftToApplication = ConcurrentHashMap.newKeySet();
    private volatile UpgradeGate gate;

    /**
     * Maps the filter to the paths of the wrapped endpoints that reject before the upgrade; a WAR without one gets
     * no filter. Only the mapping is decided here: servlet containers may run initializers before CDI has started,
     * so the filter looks the deployment up on its first request.
     *
     * @param context   the WAR's servlet context, while it is initialized
     * @param wrapped   the endpoint classes wsdepends registers adapters for
     * @param byDefault whether the deployment rejects before the upgrade ({@code org.wsdepends.reject})
     * @return the filter, {@code null} if none was needed
     */
    static RejectionFilter register(ServletContext context, Set<Class<?>> wrapped, boolean byDefault) {
        Set<String> patterns = new LinkedHashSet<>();
        for (Class<?> type : wrapped) {
            RejectBeforeUpgrade own = type.getAnnotation(RejectBeforeUpgrade.class);
            if (own != null ? own.value() : byDefault) {
                patterns.add(PathTemplate.of(type.getAnnotation(ServerEndpoint.class).value()).urlPattern());
            }
        }
        if (patterns.isEmpty()) {
            return null;
        }
        RejectionFilter filter = new RejectionFilter();
        FilterRegistration.Dynamic registration = context.addFilter(RejectionFilter.class.getName(), filter);
        registration.setAsyncSupported(true);
        // before the filters the WAR declares; the containers' own upgrade filters are matched after them
        registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, patterns.toArray(String[]::new));
        return filter;
    }

    /**
     * The application registered this endpoint class itself and its registration stayed (WSD-0412): its requests
     * go on to the container. Called while the WAR starts, before the first request.
     *
     * @param type the endpoint class
     */
    void leaveToApplication(Class<?> type) {
        leftToApplication.add(type);
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        if (!(servletRequest instanceof HttpServletRequest request)
                || !(servletResponse instanceof HttpServletResponse response)
                || !"GET".equals(request.getMethod()) || !"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            chain.doFilter(servletRequest, servletResponse);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        UpgradeGate.Verdict verdict = gate().check(path, request.getQueryString(),
                name -> Collections.list(request.getHeaders(name)), request.getUserPrincipal(), request::isUserInRole);
        if (verdict == null) {
            chain.doFilter(request, response);
        } else if (verdict instanceof UpgradeGate.Refused refused) {
            send(response, refused.refusal());
        } else {
            upgrade(request, response, (UpgradeGate.Admitted) verdict);
        }
    }

    private void upgrade(HttpServletRequest request, HttpServletResponse response, UpgradeGate.Admitted admitted)
            throws IOException, ServletException {
        ServerContainer container = (ServerContainer) request.getServletContext()
                .getAttribute(ServerContainer.class.getName());
        boolean upgraded;
        try {
            upgraded = admitted.admission().upgrade(() -> {
                container.upgradeHttpToWebSocket(request, response, admitted.config(), admitted.pathParameters());
                return response.getStatus() == HttpServletResponse.SC_SWITCHING_PROTOCOLS;
            });
        } catch (IOException | RuntimeException failed) {
            throw failed;
        } catch (Exception failed) {
            // DeploymentException: the container could not use the endpoint's configuration
            throw new ServletException("Upgrading " + request.getRequestURI() + " failed", failed);
        }
        if (!upgraded && !response.isCommitted()) {
            // Undertow neither upgrades nor answers when the configurator's checkOrigin refuses, or when the
            // handshake headers are unusable
            send(response, request.getHeader("Origin") != null ? Refusal.forbidden("Forbidden origin")
                    : new Refusal(400, List.of(), "{\"detail\":\"Bad WebSocket handshake\"}"));
        }
    }

    private UpgradeGate gate() {
        UpgradeGate known = gate;
        if (known == null) {
            known = Deployment.current().upgradeGate().leaving(leftToApplication);
            gate = known;
        }
        return known;
    }

    private static void send(HttpServletResponse response, Refusal refusal) throws IOException {
        byte[] body = refusal.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(refusal.status());
        for (Map.Entry<String, String> header : refusal.headers()) {
            response.addHeader(header.getKey(), header.getValue());
        }
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
