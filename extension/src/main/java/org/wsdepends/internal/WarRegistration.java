package org.wsdepends.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContextAttributeEvent;
import jakarta.servlet.ServletContextAttributeListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.HandlesTypes;
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
 * registration stays (WSD-0412). Undertow refuses the adapter's path at once; Tyrus would only when its
 * filter starts, so there the application's calls are recorded ({@link RecordingServerContainer}).</li>
 * </ul>
 * The registration runs in a listener this initializer adds, so after the application's initializers and
 * its declared listeners. The endpoints that reject before the upgrade get {@link RejectionFilter} here too.
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
        RejectionFilter.register(context, adapters, settings.rejectsBeforeUpgrade());
        Registrar registrar = new Registrar(adapters, ConcurrentHashMap.newKeySet());
        registrar.recordOn(context, context.getAttribute(CONTAINER));
        context.addListener(registrar);
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
     * Registers the adapters when the context starts, after the application's initializers and declared listeners.
     * On Tyrus, which collects {@code addEndpoint} calls until its filter starts and then fails on a path registered
     * twice, the application sees a {@link RecordingServerContainer} until then: from this initializer on, or from
     * when Tyrus's own initializer sets it, if that runs later. Not seen: calls on the container an application
     * initializer took before this one ran, and calls from a listener that runs after this one.
     */
    private record Registrar(Set<Class<?>> adapters, Set<Class<?>> registeredByApplication)
            implements ServletContextListener, ServletContextAttributeListener {

        void recordOn(ServletContext context, Object attribute) {
            // Tyrus reads the attribute back as its own type only when its filter starts, after the listeners, when
            // the container's own object is back; Undertow reads it in a listener of its own, but refuses a path
            // registered twice at once instead
            if (attribute instanceof ServerContainer container && container.getClass().getName().startsWith("org.glassfish.tyrus.")) {
                context.setAttribute(CONTAINER, new RecordingServerContainer(container, registeredByApplication));
            }
        }

        @Override
        public void attributeAdded(ServletContextAttributeEvent event) {
            if (event.getName().equals(CONTAINER)) {
                recordOn(event.getServletContext(), event.getValue());
            }
        }

        @Override
        public void contextInitialized(ServletContextEvent event) {
            ServletContext context = event.getServletContext();
            Object attribute = context.getAttribute(CONTAINER);
            if (attribute instanceof RecordingServerContainer recording) {
                context.setAttribute(CONTAINER, recording.container());
            }
            ServerContainer container = attribute instanceof RecordingServerContainer recording ? recording.container()
                    : (ServerContainer) attribute;
            if (container == null) {
                throw new IllegalStateException(Messages.noServerContainer(context.getContextPath()));
            }
            for (Class<?> type : adapters) {
                String path = type.getAnnotation(ServerEndpoint.class).value();
                if (registeredByApplication.contains(type)) {
                    LOG.log(System.Logger.Level.WARNING, Messages.pathRegisteredByApplication(Sites.type(type), path,
                            "addEndpoint(" + type.getName() + ".class)"));
                    continue;
                }
                try {
                    container.addEndpoint(WsDependsApplicationConfig.adapterConfig(type, () -> Deployment.current().runtimeFor(type)));
                } catch (DeploymentException taken) {
                    LOG.log(System.Logger.Level.WARNING, Messages.pathRegisteredByApplication(Sites.type(type), path,
                            "the container refused wsdepends' endpoint: " + taken.getMessage()));
                }
            }
        }
    }
}
