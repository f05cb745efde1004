package org.wsdepends.internal;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.core.PathTemplate;
import org.wsdepends.core.Settings;
import org.wsdepends.core.WrapPolicy;
import org.wsdepends.security.RejectBeforeUpgrade;

/**
 * Registers {@link RejectionFilter} in a WAR whose wrapped endpoints reject before the upgrade, mapped to their
 * paths, so that rejection before the upgrade needs nothing but the jar in {@code WEB-INF/lib}. A WAR without such
 * an endpoint gets no filter. The servlet container finds it through
 * {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}.
 *
 * <p>Only the mapping is decided here: servlet containers may run initializers before CDI has started, so the
 * filter looks the deployment up on its first request.
 */
@HandlesTypes(ServerEndpoint.class)
public final class RejectionInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        if (classes == null || classes.isEmpty()) {
            return;
        }
        Settings settings = Settings.of(context::getInitParameter, context.getClassLoader());
        boolean byDefault = settings.rejectsBeforeUpgrade();
        WrapPolicy wrap = WrapPolicy.configured(settings);
        Set<String> patterns = new LinkedHashSet<>();
        for (Class<?> type : classes) {
            ServerEndpoint endpoint = type.getAnnotation(ServerEndpoint.class);
            if (endpoint == null || !wrap.wraps(type)) {
                continue;
            }
            RejectBeforeUpgrade own = type.getAnnotation(RejectBeforeUpgrade.class);
            if (own != null ? own.value() : byDefault) {
                patterns.add(PathTemplate.of(endpoint.value()).urlPattern());
            }
        }
        if (patterns.isEmpty()) {
            return;
        }
        FilterRegistration.Dynamic filter = context.addFilter(RejectionFilter.class.getName(), new RejectionFilter());
        filter.setAsyncSupported(true);
        // before the filters the WAR declares; the containers' own upgrade filters are matched after them
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, patterns.toArray(String[]::new));
    }
}
