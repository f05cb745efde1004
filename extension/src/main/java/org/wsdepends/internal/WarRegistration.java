package org.wsdepends.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.core.Messages;
import org.wsdepends.core.Settings;
import org.wsdepends.core.Sites;
import org.wsdepends.core.WrapPolicy;

/**
 * Registers the adapters of the wrapped endpoints of a WAR, once the application's own configuration
 * is known.
 *
 * <p>Both containers deploy the union of what every {@code ServerApplicationConfig} returns, and call
 * them in no defined order (research/containers.md §2), so wsdepends cannot take a class back from an
 * application's configuration that returns it. Instead it calls the application's configurations
 * itself, as the container does, and registers an adapter only for what no application code deploys:
 * <ul>
 * <li>no configuration of the application's: every wrapped endpoint;</li>
 * <li>with one: the wrapped endpoints it hands over through {@link WsDependsApplicationConfig#withoutWrapped};
 * those it returns are the container's (a warning, WSD-0410; a deployment error for an endpoint that uses
 * wsdepends, WSD-0411, which cannot work without it); those it filters out are deployed by nobody;</li>
 * <li>an endpoint the application registered itself with {@code addEndpoint(Class)}: the application's
 * registration stays (WSD-0412), whichever of its initializers, listeners and this initializer runs first. The
 * adapters are registered where the container refuses a path registered twice at once, so every registration the
 * application made before is seen: see {@link Registrar}.</li>
 * </ul>
 * The endpoints that reject before the upgrade get {@link RejectionFilter} here too.
 */
@HandlesTypes({ServerEndpoint.class, ServerApplicationConfig.class})
public final class WarRegistration implements ServletContainerInitializer {

    private static final System.Logger LOG = System.getLogger("org.wsdepends");
    private static final String CONTAINER = ServerContainer.class.getName();

    @Override
    public void onStartup(Set<Class<?>> found, ServletContext context) {
        Set<Class<?>> endpoints = new LinkedHashSet<>();
        List<Class<?>> configs = new ArrayList<>();
        for (Class<?> type : found == null ? Set.<Class<?>>of() : found) {
            if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                continue;
            }
            if (type.isAnnotationPresent(ServerEndpoint.class)) {
                endpoints.add(type);
            } else if (ServerApplicationConfig.class.isAssignableFrom(type) && type != WsDependsApplicationConfig.class) {
                configs.add(type);
            }
        }
        if (endpoints.isEmpty()) {
            return;
        }
        Settings settings = Settings.of(context::getInitParameter, context.getClassLoader());
        Set<Class<?>> adapters = adapted(endpoints, configs, WrapPolicy.configured(settings));
        if (adapters.isEmpty()) {
            return;
        }
        Registrar registrar = new Registrar(adapters,
                RejectionFilter.register(context, adapters, settings.rejectsBeforeUpgrade()));
        context.addListener(registrar);
        if (!(context.getAttribute(CONTAINER) instanceof ServerContainer container) || Registrar.collectsUntilStarted(container)) {
            // no mapping: the servlet only marks the moment after the filters started
            context.addServlet(Registrar.class.getName(), registrar).setLoadOnStartup(0);
        }
    }

    /**
     * The wrapped endpoints that get an adapter.
     *
     * @param endpoints the annotated endpoints the container found
     * @param configs   the application's {@code ServerApplicationConfig} classes
     * @param policy    which endpoints wsdepends wraps
     * @return the classes, in the order found
     * @throws IllegalStateException listing every endpoint that uses wsdepends and that a configuration
     *                               returns to the container, or if a configuration cannot be created
     */
    static Set<Class<?>> adapted(Set<Class<?>> endpoints, List<Class<?>> configs, WrapPolicy policy) {
        Set<Class<?>> wrapped = new LinkedHashSet<>();
        for (Class<?> type : endpoints) {
            if (policy.wraps(type)) {
                wrapped.add(type);
            }
        }
        if (configs.isEmpty() || wrapped.isEmpty()) {
            return wrapped;
        }
        Set<Class<?>> returned = new LinkedHashSet<>();
        Set<Class<?>> handedOver = new LinkedHashSet<>();
        for (Class<?> config : configs) {
            returned.addAll(WsDependsApplicationConfig.annotatedEndpointsOf(instance(config), endpoints, handedOver));
        }
        List<String> names = configs.stream().map(Class::getName).toList();
        List<String> unusable = new ArrayList<>();
        List<String> leftToContainer = new ArrayList<>();
        Set<Class<?>> adapted = new LinkedHashSet<>();
        for (Class<?> type : wrapped) {
            if (returned.contains(type)) {
                if (WrapPolicy.usesWsDepends(type)) {
                    unusable.add(Messages.configReturnsWsDependsEndpoint(Sites.type(type), names));
                } else {
                    leftToContainer.add(type.getName());
                }
            } else if (handedOver.contains(type)) {
                adapted.add(type);
            }
        }
        if (!unusable.isEmpty()) {
            throw new IllegalStateException(Messages.deploymentFailed(unusable));
        }
        if (!leftToContainer.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, Messages.configReturnsWrapped(String.join(", ", names), leftToContainer));
        }
        return adapted;
    }

    private static ServerApplicationConfig instance(Class<?> config) {
        try {
            Constructor<?> constructor = config.getDeclaredConstructor();
            constructor.setAccessible(true);
            return (ServerApplicationConfig) constructor.newInstance();
        } catch (ReflectiveOperationException unusable) {
            // the container fails the same way, or logs and skips it; either way the deployment is not what the application meant
            throw new IllegalStateException(Messages.unusableApplicationConfig(config.getName()), unusable);
        }
    }

    /**
     * Registers the adapters after every registration the application can make while the WAR starts: its
     * initializers and listeners all run before the filters start, and the container's refusal of wsdepends' path
     * then leaves it to the application.
     * <ul>
     * <li>Undertow refuses a path already registered at once (research/containers.md §2, compatibility.md): the
     * adapters are registered when the context starts, as a listener, after the initializers and the application's
     * declared listeners.</li>
     * <li>Tyrus only collects {@code addEndpoint} calls until its filter starts, then deploys them together and
     * fails the deployment on equivalent paths; Payara runs the initializers, and so the listeners they add, in no
     * fixed order (a {@code HashMap} keyed by the initializer classes). From its start on, Tyrus 2.1 (Jakarta
     * WebSocket 2.1, which allows {@code addEndpoint} after deployment) registers at once and refuses an equivalent
     * path. So on Tyrus this servlet, with no mapping and loaded on startup, registers the adapters: the Servlet
     * specification initializes such servlets after the filters, Tyrus's included. Reading what Tyrus collected
     * instead would take its private fields and still miss a listener that runs after this one.</li>
     * </ul>
     */
    private static final class Registrar extends HttpServlet implements ServletContextListener {

        private final Set<Class<?>> adapters;
        private final RejectionFilter rejection;

        /**
         * @param adapters  the endpoint classes to register adapters for
         * @param rejection the WAR's rejection filter, {@code null} if it has none
         */
        Registrar(Set<Class<?>> adapters, RejectionFilter rejection) {
            this.adapters = adapters;
            this.rejection = rejection;
        }

        static boolean collectsUntilStarted(ServerContainer container) {
            return Tyrus.implemented(container);
        }

        @Override
        public void contextInitialized(ServletContextEvent event) {
            ServletContext context = event.getServletContext();
            if (!(context.getAttribute(CONTAINER) instanceof ServerContainer container)) {
                throw new IllegalStateException(Messages.noServerContainer(context.getContextPath()));
            }
            if (!collectsUntilStarted(container)) {
                register(container);
            }
        }

        @Override
        public void init() {
            ServerContainer container = (ServerContainer) getServletContext().getAttribute(CONTAINER);
            if (collectsUntilStarted(container)) {
                register(container);
            }
        }

        private void register(ServerContainer container) {
            for (Class<?> type : adapters) {
                try {
                    container.addEndpoint(WsDependsApplicationConfig.adapterConfig(type, () -> Deployment.current().runtimeFor(type)));
                } catch (DeploymentException taken) {
                    if (rejection != null) {
                        rejection.leaveToApplication(type);
                    }
                    LOG.log(System.Logger.Level.WARNING, Messages.pathRegisteredByApplication(Sites.type(type),
                            type.getAnnotation(ServerEndpoint.class).value(), "the container refused wsdepends' endpoint: "
                                    + taken.getMessage()));
                }
            }
        }
    }
}
