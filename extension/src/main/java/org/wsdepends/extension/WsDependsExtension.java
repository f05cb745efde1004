package org.wsdepends.extension;

import java.lang.annotation.Annotation;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.NormalScope;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Stereotype;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.ProcessProducer;
import jakarta.enterprise.inject.spi.ProcessProducerField;
import jakarta.enterprise.inject.spi.ProcessProducerMethod;
import jakarta.enterprise.inject.spi.Producer;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.interceptor.Interceptor;
import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Scope;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Depends;
import org.wsdepends.core.Dependency;
import org.wsdepends.core.InjectionSites;
import org.wsdepends.core.Messages;
import org.wsdepends.core.Sites;
import org.wsdepends.core.ValueConstraints;
import org.wsdepends.core.Settings;
import org.wsdepends.core.WrapPolicy;
import org.wsdepends.internal.EndpointAnalyzer;
import org.wsdepends.internal.EndpointModel;
import org.wsdepends.internal.EndpointRegistry;
import org.wsdepends.internal.EndpointRuntime;
import org.wsdepends.internal.ExceptionHandlers;

/**
 * The portable CDI extension of wsdepends. It only wires: the rules are in {@code org.wsdepends.core},
 * the WebSocket side in {@code org.wsdepends.internal}.
 *
 * <p>Observed events:
 * <ul>
 * <li>{@code BeforeBeanDiscovery}: makes {@code @PathParam} a qualifier (with a
 * non-binding name), so it can mark constructor, initializer and producer parameters.</li>
 * <li>{@code ProcessAnnotatedType} of {@code @ServerEndpoint} classes: reads the wrap policy (the first
 * one's WAR tells where its {@code web.xml} is), sorts them into wrapped and
 * plain; wrapped ones are vetoed, because wsdepends creates them per connection as non-contextual
 * instances. Of types with a bean-defining annotation: their archive, for {@link PayaraDiscovery}.</li>
 * <li>{@code AfterTypeDiscovery}: adds the wrapped endpoint classes CDI did not report.</li>
 * <li>{@code ProcessInjectionPoint}: records handshake injection points of beans (producer parameters)
 * for {@link HandshakeValues}; refuses them in normal-scoped beans.</li>
 * <li>{@code ProcessProducer}, {@code ProcessProducerMethod/Field}: wraps {@code @Produces @Depends}
 * producers ({@link DependsProducer}) and records them as dependency graph nodes.</li>
 * <li>{@code AfterBeanDiscovery}: adds the request context of callbacks on Weld ({@link LazyRequestContext})
 * and the synthetic handshake beans, then analyses every wrapped endpoint and reports all deployment
 * problems at once.</li>
 * <li>{@code AfterDeploymentValidation}: creates the runtime of each wrapped endpoint, all sharing one
 * {@link RequestContextActivator}.</li>
 * <li>{@code BeforeShutdown}: ends the connections still open, so their cleanup runs.</li>
 * </ul>
 */
public class WsDependsExtension implements Extension {

    private final UnaryOperator<String> containerSettings;
    private Settings settings;
    private WrapPolicy wrapPolicy;
    private final EndpointRegistry registry = new EndpointRegistry();
    private final PayaraDiscovery payara = new PayaraDiscovery();
    private final HandshakeValues handshakeValues = new HandshakeValues();
    private final Map<Member, ProducerRecord> producers = new LinkedHashMap<>();
    private final List<EndpointModel> models = new ArrayList<>();
    // validates handshake values; CDI's Validator bean cannot be had before deployment validation
    private ValidatorFactory validators;
    private LazyRequestContext lazyRequestContext;
    private final Map<Member, Producer<?>> containerProducers = new HashMap<>();

    /** The extension of a WAR: its settings' first source is the WAR's servlet context parameters. */
    public WsDependsExtension() {
        this(null);
    }

    /**
     * The extension of a runtime that has settings of its own (the embedded server's builder).
     *
     * @param settings looks up a full key ({@code org.wsdepends.wrap}), {@code null} when unset; {@code null}
     *                 for the WAR's servlet context parameters
     */
    public WsDependsExtension(UnaryOperator<String> settings) {
        this.containerSettings = settings;
    }

    void registerPathParamQualifier(@Observes BeforeBeanDiscovery event) {
        event.configureQualifier(PathParam.class).methods().forEach(method -> method.add(Nonbinding.Literal.INSTANCE));
    }

    void recordArchive(@Observes @WithAnnotations({NormalScope.class, Scope.class, Stereotype.class})
            ProcessAnnotatedType<?> event) {
        payara.record(event.getAnnotatedType().getJavaClass());
    }

    <T> void collectEndpoints(@Observes @WithAnnotations(ServerEndpoint.class) ProcessAnnotatedType<T> event) {
        Class<T> type = event.getAnnotatedType().getJavaClass();
        if (!type.isAnnotationPresent(ServerEndpoint.class)) {
            return;
        }
        if (settingsFor(type).wraps(type)) {
            registry.addWrapped(type);
            handshakeValues.collect(type);
            event.veto();
        } else {
            registry.addPlain(type);
        }
    }

    void addUndiscoveredEndpoints(@Observes AfterTypeDiscovery event, BeanManager beanManager) {
        payara.addUnreported(event, beanManager, type -> !registry.knows(type) && settingsFor(type).wraps(type));
    }

    <T, X> void collectHandshakeInjectionPoints(@Observes ProcessInjectionPoint<T, X> event, BeanManager beanManager) {
        InjectionPoint point = event.getInjectionPoint();
        for (Annotation qualifier : point.getQualifiers()) {
            if (InjectionSites.isHandshakeQualifier(qualifier)) {
                handshakeValues.add(qualifier, point.getType());
                if (point.getBean() != null && beanManager.isNormalScope(point.getBean().getScope())) {
                    event.addDefinitionError(new DeploymentProblems(List.of(Messages.handshakeValueInSharedBean(
                            point.getMember().getDeclaringClass().getName() + "#" + point.getMember().getName(),
                            qualifier.annotationType().getSimpleName(), point.getBean().getScope().getSimpleName()))));
                }
            }
        }
    }

    // before every other observer: the producer the container made, to tell it from one an extension set (a test override)
    <T, X> void recordContainerProducers(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ProcessProducer<T, X> event) {
        if (event.getAnnotatedMember().isAnnotationPresent(Depends.class)) {
            containerProducers.put(event.getAnnotatedMember().getJavaMember(), event.getProducer());
        }
    }

    <T, X> void wrapDependsProducers(@Observes ProcessProducer<T, X> event, BeanManager beanManager) {
        if (event.getAnnotatedMember().isAnnotationPresent(Depends.class)) {
            Member member = event.getAnnotatedMember().getJavaMember();
            producers.put(member, new ProducerRecord(event.getProducer(), containerProducers.remove(member) == event.getProducer()));
            event.setProducer(new DependsProducer<>(event.getProducer(), beanManager));
        }
    }

    <T, X> void recordDependsProducerMethods(@Observes ProcessProducerMethod<T, X> event) {
        recordBean(event.getAnnotatedProducerMethod().getJavaMember(), event.getBean());
    }

    <T, X> void recordDependsProducerFields(@Observes ProcessProducerField<T, X> event) {
        recordBean(event.getAnnotatedProducerField().getJavaMember(), event.getBean());
    }

    private void recordBean(Member member, Bean<?> bean) {
        ProducerRecord record = producers.get(member);
        if (record != null) {
            record.bean = bean;
        }
    }

    void registerHandshakeBeansAndAnalyse(@Observes AfterBeanDiscovery event, BeanManager beanManager) {
        lazyRequestContext = RequestContextActivator.lazyContext(beanManager);
        if (lazyRequestContext != null) {
            event.addContext(lazyRequestContext);
        }
        handshakeValues.register(event, beanManager);
        // analysed here rather than in AfterDeploymentValidation: Weld's own validation runs in between
        // and would report a cycle or an ambiguous producer in its terms, and stop before ours
        List<String> problems = new ArrayList<>();
        Map<Bean<?>, Dependency> nodes = new HashMap<>();
        Map<Method, Dependency> methods = new HashMap<>();
        validators = ValueConstraints.configure(Validation.byDefaultProvider().configure()).buildValidatorFactory();
        // a WAR's container authenticates the upgrade request; the embedded runtime (with settings of its own) cannot
        EndpointAnalyzer analyzer = new EndpointAnalyzer(new DependsLookup(beanManager, nodes), new ConverterLookup(beanManager),
                validators.getValidator(), containerSettings == null, problems);
        producers.forEach((member, record) -> {
            if (record.bean != null) {
                ProducerDependency factory = new ProducerDependency(beanManager, record.bean, record.producer, member,
                        record.userMethod);
                Dependency node = new Dependency(member instanceof Method method ? Sites.method(method)
                        : member.getDeclaringClass().getName() + "#" + member.getName(), member.getName(), factory);
                nodes.put(record.bean, node);
                if (member instanceof Method method) {
                    methods.put(method, node);
                }
            }
        });
        methods.forEach((method, node) -> {
            if (producers.get(method).injects()) {
                EndpointAnalyzer.ProducerInputs inputs = analyzer.producerInputs(method);
                node.setInputs(inputs.inputs());
                ((ProducerDependency) node.factory()).plan(inputs.plan(), inputs.sites());
            }
        });
        for (Class<?> type : registry.wrappedEndpointClasses()) {
            models.add(analyzer.analyze(type));
        }
        if (!problems.isEmpty()) {
            event.addDefinitionError(new DeploymentProblems(problems));
        }
    }

    void createRuntimes(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        List<ExceptionHandlers.Registration> handlers = UserExceptionHandlers.of(beanManager);
        EndpointRuntime.Limits limits = settings == null ? EndpointRuntime.Limits.DEFAULT : EndpointRuntime.Limits.of(settings);
        RequestContextActivator requestContext = RequestContextActivator.of(beanManager, lazyRequestContext);
        for (EndpointModel model : models) {
            registry.addRuntime(new EndpointRuntime(model, new CdiEndpointFactory(model, beanManager, requestContext), handlers,
                    limits));
        }
    }

    /**
     * Reads the deployment's settings once, on its first endpoint class: in a WAR, that class tells where
     * its {@code web.xml} is.
     *
     * @return the wrap policy
     */
    private WrapPolicy settingsFor(Class<?> endpoint) {
        if (settings == null) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            settings = containerSettings != null ? Settings.of(containerSettings, loader) : Settings.ofWar(endpoint, loader);
            wrapPolicy = WrapPolicy.configured(settings);
        }
        return wrapPolicy;
    }

    void endOpenConnections(@Observes BeforeShutdown event) {
        registry.endAll();
        if (validators != null) {
            validators.close();
        }
    }

    /**
     * The endpoints of this deployment: what the embedded runtime and the WAR's application config
     * register with the WebSocket container.
     *
     * @return the registry; complete once CDI validated the deployment
     */
    public EndpointRegistry registry() {
        return registry;
    }

    /** A {@code @Depends} producer: its original CDI producer, and its bean once CDI reports it. */
    private static final class ProducerRecord {
        final Producer<?> producer;
        /** Whether the producer is the container's own, which calls the user's method (no extension replaced it). */
        final boolean userMethod;
        Bean<?> bean;

        ProducerRecord(Producer<?> producer, boolean userMethod) {
            this.producer = producer;
            this.userMethod = userMethod;
        }

        /** Its parameters are inputs unless an extension replaced it with one that injects nothing (a test override). */
        boolean injects() {
            return !producer.getInjectionPoints().isEmpty();
        }
    }
}
