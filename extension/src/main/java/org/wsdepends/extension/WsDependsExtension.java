package org.wsdepends.extension;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.security.CodeSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.NormalScope;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.AmbiguousResolutionException;
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
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Inject;
import jakarta.inject.Scope;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import org.wsdepends.Cookie;
import org.wsdepends.Depends;
import org.wsdepends.Header;
import org.wsdepends.Path;
import org.wsdepends.Query;
import org.wsdepends.core.ClassFiles;
import org.wsdepends.core.Converter;
import org.wsdepends.core.Conversions;
import org.wsdepends.core.Dependency;
import org.wsdepends.core.WrapPolicy;
import org.wsdepends.spi.ParamConverter;

/**
 * The portable CDI extension of wsdepends. It only wires; the logic is in {@code org.wsdepends.core}.
 *
 * <p>Observed events:
 * <ul>
 * <li>{@code BeforeBeanDiscovery}: makes {@code @PathParam} a qualifier (with a non-binding name), so
 * it can mark constructor, initializer and producer parameters; adds the {@link RequestContextActivator}
 * bean.</li>
 * <li>{@code ProcessAnnotatedType} of {@code @ServerEndpoint} classes: records them; wrapped ones are
 * vetoed, because wsdepends creates them per connection as non-contextual instances. Of types with a
 * bean-defining annotation (what annotated discovery reports): where they were loaded from.</li>
 * <li>{@code AfterTypeDiscovery}: adds the wrapped endpoint classes CDI did not report (they are no beans
 * in an archive with {@code bean-discovery-mode="annotated"}), found in the WAR archives of the types it did.</li>
 * <li>{@code ProcessInjectionPoint}: records the (qualifier, type) pairs of handshake injection points
 * in beans (producer parameters).</li>
 * <li>{@code ProcessProducer}: wraps {@code @Produces @Depends} producers (see {@link DependsProducer})
 * and records them as dependency graph nodes.</li>
 * <li>{@code AfterBeanDiscovery}: adds one synthetic {@code @Dependent} bean per handshake (qualifier,
 * type) pair, so CDI (and WildFly's deployment validation) accepts those injection points, then
 * analyses every wrapped endpoint and reports all deployment problems at once.</li>
 * <li>{@code AfterDeploymentValidation}: prepares the runtime of each wrapped endpoint (its CDI
 * injection target and exception handlers).</li>
 * <li>{@code BeforeShutdown}: ends the connections still open, so their cleanup runs.</li>
 * </ul>
 */
public class WsDependsExtension implements Extension {

    private static final List<Class<? extends Annotation>> HANDSHAKE_QUALIFIERS =
            List.of(Query.class, Header.class, Cookie.class, Path.class, PathParam.class);

    private WrapPolicy wrapPolicy;
    private final Set<Class<?>> wrapped = new LinkedHashSet<>();
    private final Set<Class<?>> plain = new LinkedHashSet<>();
    private final Map<URL, ClassLoader> archives = new LinkedHashMap<>();
    private final Map<String, HandshakeType> handshakeTypes = new LinkedHashMap<>();
    private final Map<Member, ProducerRecord> producers = new LinkedHashMap<>();
    private final List<EndpointModel> models = new ArrayList<>();
    private final List<EndpointRuntime> runtimes = new ArrayList<>();
    private Set<ServerEndpointConfig> configs;

    void registerPathParamQualifier(@Observes BeforeBeanDiscovery event) {
        wrapPolicy = WrapPolicy.configured(Thread.currentThread().getContextClassLoader());
        event.configureQualifier(PathParam.class).methods().forEach(method -> method.add(Nonbinding.Literal.INSTANCE));
    }

    void addRequestContextActivator(@Observes BeforeBeanDiscovery event) {
        event.addAnnotatedType(RequestContextActivator.class, RequestContextActivator.class.getName());
    }

    void recordArchive(@Observes @WithAnnotations({NormalScope.class, Scope.class, Stereotype.class})
            ProcessAnnotatedType<?> event) {
        Class<?> type = event.getAnnotatedType().getJavaClass();
        CodeSource source = type.getProtectionDomain().getCodeSource();
        // only a WAR's archives: there the WebSocket container deploys every endpoint class it finds, while an
        // embedded CDI container (Weld SE) sees just the classes it was given, next to many others
        if (source != null && source.getLocation() != null && source.getLocation().getPath().contains("/WEB-INF/")) {
            archives.putIfAbsent(ClassFiles.archiveOf(source.getLocation(), type.getName()), type.getClassLoader());
        }
    }

    <T> void collectEndpoints(@Observes @WithAnnotations(ServerEndpoint.class) ProcessAnnotatedType<T> event) {
        Class<T> type = event.getAnnotatedType().getJavaClass();
        if (!type.isAnnotationPresent(ServerEndpoint.class)) {
            return;
        }
        if (wrapPolicy.wraps(type)) {
            wrapped.add(type);
            collectHandshakeTypes(type);
            event.veto();
        } else {
            plain.add(type);
        }
    }

    void addUndiscoveredEndpoints(@Observes AfterTypeDiscovery event, BeanManager beanManager) {
        // in an archive with bean-discovery-mode="annotated" (an empty beans.xml) an endpoint class is no bean, and
        // Payara never reports it (WildFly does: it makes endpoints beans), although its WebSocket container
        // deploys it: look for them next to the classes CDI reported
        for (Map.Entry<URL, ClassLoader> archive : archives.entrySet()) {
            for (String name : ClassFiles.mentioning(archive.getKey(), ServerEndpoint.class.getName())) {
                Class<?> type;
                try {
                    type = Class.forName(name, false, archive.getValue());
                } catch (ClassNotFoundException | LinkageError unloadable) {
                    continue;
                }
                if (type.isAnnotationPresent(ServerEndpoint.class) && !wrapped.contains(type) && !plain.contains(type)
                        && wrapPolicy.wraps(type)) {
                    event.addAnnotatedType(beanManager.createAnnotatedType(type), WsDependsExtension.class.getName() + "/" + name);
                }
            }
        }
        archives.clear();
    }

    <T, X> void collectHandshakeInjectionPoints(@Observes ProcessInjectionPoint<T, X> event, BeanManager beanManager) {
        InjectionPoint point = event.getInjectionPoint();
        for (Annotation qualifier : point.getQualifiers()) {
            if (HANDSHAKE_QUALIFIERS.contains(qualifier.annotationType())) {
                addHandshakeType(qualifier.annotationType(), point.getType());
                if (point.getBean() != null && beanManager.isNormalScope(point.getBean().getScope())) {
                    event.addDefinitionError(new DeploymentProblems(List.of(point.getMember().getDeclaringClass().getName()
                            + "#" + point.getMember().getName() + ": @" + qualifier.annotationType().getSimpleName()
                            + " in a @" + point.getBean().getScope().getSimpleName() + " bean, which all connections share,"
                            + " while handshake values belong to one connection. Fix: inject it into the endpoint or into a"
                            + " @Produces @Depends producer's parameters")));
                }
            }
        }
    }

    <T, X> void wrapDependsProducers(@Observes ProcessProducer<T, X> event, BeanManager beanManager) {
        if (event.getAnnotatedMember().isAnnotationPresent(Depends.class)) {
            producers.put(event.getAnnotatedMember().getJavaMember(), new ProducerRecord(event.getProducer()));
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
        for (HandshakeType pair : handshakeTypes.values()) {
            event.addBean(new HandshakeValueBean(beanManager, pair.type(), literal(pair.qualifier())));
        }
        // analysed here rather than in AfterDeploymentValidation: Weld's own validation runs in between
        // and would report a cycle or an ambiguous producer in its terms, and stop before ours
        List<String> problems = new ArrayList<>();
        Map<Bean<?>, Dependency> nodes = new HashMap<>();
        Map<Member, Dependency> byMember = new HashMap<>();
        producers.forEach((member, record) -> {
            if (record.bean != null) {
                Dependency node = new Dependency(member.getDeclaringClass().getName() + "#" + member.getName(),
                        member.getName(), new ProducerDependency(beanManager, record.bean, record.producer, member,
                        member instanceof Method method && record.injects() ? EndpointAnalyzer.producerInputPositions(method) : new int[0]));
                nodes.put(record.bean, node);
                byMember.put(member, node);
            }
        });
        EndpointAnalyzer analyzer = new EndpointAnalyzer(lookup(beanManager, nodes), converters(beanManager),
                Clock.systemUTC(), problems);
        byMember.forEach((member, node) -> {
            if (member instanceof Method method && producers.get(member).injects()) {
                node.setInputs(analyzer.producerInputs(method));
            }
        });
        for (Class<?> type : wrapped) {
            models.add(analyzer.analyze(type));
        }
        if (!problems.isEmpty()) {
            event.addDefinitionError(new DeploymentProblems(problems));
        }
    }

    void createRuntimes(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        ExceptionDispatcher exceptions = new ExceptionDispatcher(beanManager);
        for (EndpointModel model : models) {
            runtimes.add(new EndpointRuntime(model, beanManager, exceptions));
        }
    }

    void endOpenConnections(@Observes BeforeShutdown event) {
        runtimes.forEach(EndpointRuntime::endAll);
    }

    /**
     * The adapter configurations of every wrapped endpoint class CDI reported; register each with the
     * WebSocket container's {@code addEndpoint(ServerEndpointConfig)} before it starts.
     *
     * @return the configurations, empty before CDI finished deployment (or if it failed)
     */
    public synchronized Set<ServerEndpointConfig> wrappedEndpointConfigs() {
        if (configs == null && !runtimes.isEmpty()) {
            Set<ServerEndpointConfig> built = new LinkedHashSet<>();
            for (EndpointRuntime runtime : runtimes) {
                built.add(WsDependsApplicationConfig.adapterConfig(runtime.model.type(), () -> runtime));
            }
            configs = built;
        }
        return configs == null ? Set.of() : configs;
    }

    /**
     * The {@code @ServerEndpoint} classes CDI reported that are not wrapped; register each with
     * {@code addEndpoint(Class)} so the container dispatches them itself.
     *
     * @return the classes
     */
    public Set<Class<?>> plainEndpointClasses() {
        return Set.copyOf(plain);
    }

    /**
     * The runtime of a wrapped endpoint class, once CDI finished deployment.
     *
     * @param endpointClass the wrapped class
     * @return the runtime
     * @throws IllegalStateException if the class is not a wrapped endpoint of this deployment, or the
     *                               deployment has not finished
     */
    EndpointRuntime runtimeFor(Class<?> endpointClass) {
        for (EndpointRuntime runtime : runtimes) {
            if (runtime.model.type() == endpointClass) {
                return runtime;
            }
        }
        throw new IllegalStateException(endpointClass.getName() + " is not a wrapped endpoint of this CDI deployment"
                + " (wrapped: " + wrapped + "). Is it in a bean archive the CDI container scans?");
    }

    /**
     * The {@code @ServerEndpoint} classes wsdepends wraps.
     *
     * @return the classes
     */
    public Set<Class<?>> wrappedEndpointClasses() {
        return Set.copyOf(wrapped);
    }

    private void collectHandshakeTypes(Class<?> type) {
        for (Class<?> level = type; level != null && level != Object.class; level = level.getSuperclass()) {
            for (Field field : level.getDeclaredFields()) {
                addHandshakeTypes(field.getAnnotations(), field.getGenericType());
            }
            for (Constructor<?> constructor : level.getDeclaredConstructors()) {
                if (constructor.isAnnotationPresent(Inject.class)) {
                    for (Parameter parameter : constructor.getParameters()) {
                        addHandshakeTypes(parameter.getAnnotations(), parameter.getParameterizedType());
                    }
                }
            }
            for (Method method : level.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Inject.class)) {
                    for (Parameter parameter : method.getParameters()) {
                        addHandshakeTypes(parameter.getAnnotations(), parameter.getParameterizedType());
                    }
                }
            }
        }
    }

    private void addHandshakeTypes(Annotation[] annotations, Type type) {
        for (Annotation annotation : annotations) {
            if (HANDSHAKE_QUALIFIERS.contains(annotation.annotationType())) {
                addHandshakeType(annotation.annotationType(), type);
            }
        }
    }

    private void addHandshakeType(Class<? extends Annotation> qualifier, Type type) {
        Type beanType = type instanceof Class<?> raw && raw.isPrimitive() ? box(raw) : type;
        handshakeTypes.putIfAbsent(qualifier.getName() + " " + beanType.getTypeName(), new HandshakeType(qualifier, beanType));
    }

    private static EndpointAnalyzer.DependencyLookup lookup(BeanManager beanManager, Map<Bean<?>, Dependency> nodes) {
        return (type, site, problems) -> {
            Set<Bean<?>> beans = beanManager.getBeans(type, literal(Depends.class));
            String typeName = type.getTypeName();
            if (beans.isEmpty()) {
                problems.add(site + ": no @Produces @Depends producer of " + typeName + ". Fix: add a method"
                        + " `@Produces @Depends " + simpleName(type) + " name(...)` to a bean (e.g. an @ApplicationScoped class)");
                return null;
            }
            Bean<?> bean;
            try {
                bean = beanManager.resolve(beans);
            } catch (AmbiguousResolutionException ambiguous) {
                List<String> names = beans.stream().map(candidate -> nodes.containsKey(candidate)
                        ? nodes.get(candidate).member() : candidate.toString()).sorted().toList();
                problems.add(site + ": " + beans.size() + " @Produces @Depends producers of " + typeName + " match: "
                        + String.join(", ", names) + ". Fix: keep one, or give them different types");
                return null;
            }
            Dependency node = nodes.get(bean);
            if (node == null) {
                problems.add(site + ": " + typeName + " resolves to " + bean + ", which is not a @Produces @Depends producer."
                        + " Fix: remove @Depends from that bean class and declare a producer method");
            }
            return node;
        };
    }

    private static Function<Class<?>, Converter> converters(BeanManager beanManager) {
        return type -> {
            if (!type.isPrimitive()) {
                ConverterType converterType = new ConverterType(type);
                Set<Bean<?>> beans = beanManager.getBeans(converterType);
                if (!beans.isEmpty()) {
                    Bean<?> bean = beanManager.resolve(beans);
                    // references cannot be had before deployment validation: look the converter up on first use
                    Supplier<ParamConverter<?>> converter = new Supplier<>() {
                        private volatile ParamConverter<?> instance;

                        @Override
                        public ParamConverter<?> get() {
                            ParamConverter<?> current = instance;
                            if (current == null) {
                                current = (ParamConverter<?>) beanManager.getReference(bean, converterType,
                                        beanManager.createCreationalContext(bean));
                                instance = current;
                            }
                            return current;
                        }
                    };
                    return Conversions.custom(raw -> converter.get().fromString(raw));
                }
            }
            return Conversions.builtIn(type);
        };
    }

    private static String simpleName(Type type) {
        return type instanceof Class<?> raw ? raw.getSimpleName() : type.getTypeName();
    }

    private static Class<?> box(Class<?> primitive) {
        return java.lang.invoke.MethodType.methodType(primitive).wrap().returnType();
    }

    /** The qualifier instance for a synthetic bean; its name is non-binding, so an empty one matches all. */
    private static Annotation literal(Class<? extends Annotation> qualifier) {
        try {
            return QualifierInstances.class.getDeclaredMethod("carrier", Object.class).getParameters()[0]
                    .getAnnotation(qualifier);
        } catch (NoSuchMethodException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A {@code @Depends} producer: its original CDI producer, and its bean once CDI reports it. */
    private static final class ProducerRecord {
        final jakarta.enterprise.inject.spi.Producer<?> producer;
        Bean<?> bean;

        ProducerRecord(jakarta.enterprise.inject.spi.Producer<?> producer) {
            this.producer = producer;
        }

        /** Its parameters are inputs unless an extension replaced it with one that injects nothing (a test override). */
        boolean injects() {
            return !producer.getInjectionPoints().isEmpty();
        }
    }

    private record HandshakeType(Class<? extends Annotation> qualifier, Type type) {
    }

    /** {@code ParamConverter<T>} for a bean lookup. */
    private record ConverterType(Class<?> argument) implements ParameterizedType {
        @Override
        public Type[] getActualTypeArguments() {
            return new Type[] {argument};
        }

        @Override
        public Type getRawType() {
            return ParamConverter.class;
        }

        @Override
        public Type getOwnerType() {
            return null;
        }
    }

    /**
     * Its parameter carries one instance of each qualifier with its defaults, read reflectively:
     * annotation instances without a hand-written literal class per qualifier. Never called.
     */
    private static final class QualifierInstances {
        private QualifierInstances() {
        }

        @SuppressWarnings("unused")
        private static void carrier(@Query @Header @Cookie @Path @PathParam("") @Depends Object value) {
        }
    }
}
