package org.wsdepends.extension;

import java.lang.reflect.Field;
import java.util.Set;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionTarget;
import jakarta.enterprise.inject.spi.InjectionTargetFactory;
import jakarta.inject.Inject;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.wsdepends.core.InjectionPlan;
import org.wsdepends.core.Lazy;
import org.wsdepends.internal.EndpointFactory;
import org.wsdepends.internal.EndpointModel;

/**
 * Creates a wrapped endpoint's instances through a CDI injection target, with the values wsdepends
 * resolved handed over as the package description says.
 */
final class CdiEndpointFactory implements EndpointFactory {

    private final InjectionPlan plan;
    private final BeanManager beanManager;
    private final InjectionTarget<Object> target;
    private final RequestContextActivator requestContext;
    private final Lazy<Validator> validator;

    @SuppressWarnings("unchecked")
    CdiEndpointFactory(EndpointModel model, BeanManager beanManager, RequestContextActivator requestContext) {
        this.plan = model.plan();
        this.beanManager = beanManager;
        InjectionTargetFactory<Object> factory = (InjectionTargetFactory<Object>) beanManager
                .getInjectionTargetFactory(beanManager.createAnnotatedType(model.type()));
        Set<Field> fields = Set.of(plan.fields());
        for (Field field : plan.fields()) {
            field.setAccessible(true);
        }
        // wsdepends sets the fields it resolved itself: through CDI each would cost a bean lookup, a
        // lookup of the injection point, and a dependent instance kept for the connection's lifetime
        factory.configure().filterFields(field -> fields.contains(field.getJavaMember()))
                .forEach(field -> field.remove(Inject.class::isInstance));
        this.target = factory.createInjectionTarget(null);
        this.requestContext = requestContext;
        this.validator = new Lazy<>(() -> {
            Instance<Validator> fromCdi = beanManager.createInstance().select(Validator.class);
            return fromCdi.isResolvable() ? fromCdi.get() : Validation.buildDefaultValidatorFactory().getValidator();
        });
    }

    /**
     * The fields wsdepends resolved are set right after construction, so initializer methods and
     * {@code @PostConstruct} see them as they would see injected fields.
     */
    @Override
    public Created create(Object[] connectionValues) throws Exception {
        CreationalContext<Object> context = beanManager.createCreationalContext(null);
        Object instance = Handoff.create(plan, connectionValues, context, () -> {
            Object created = target.produce(context);
            Field[] fields = plan.fields();
            int[] indexes = plan.fieldIndexes();
            for (int i = 0; i < fields.length; i++) {
                fields[i].set(created, connectionValues[indexes[i]]);
            }
            target.inject(created, context);
            target.postConstruct(created);
            return created;
        });
        return new CreatedEndpoint(instance, context);
    }

    @Override
    public Object enterRequestContext() {
        return requestContext.enter();
    }

    @Override
    public void exitRequestContext(Object token) {
        requestContext.exit(token);
    }

    @Override
    public Validator validator() {
        return validator.get();
    }

    private final class CreatedEndpoint implements Created {
        private final Object instance;
        private final CreationalContext<Object> context;

        CreatedEndpoint(Object instance, CreationalContext<Object> context) {
            this.instance = instance;
            this.context = context;
        }

        @Override
        public Object instance() {
            return instance;
        }

        @Override
        public void release() {
            Handoff.destroy(() -> target.preDestroy(instance), context);
        }
    }
}
