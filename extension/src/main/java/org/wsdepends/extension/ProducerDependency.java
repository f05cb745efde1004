package org.wsdepends.extension;

import java.lang.reflect.Member;
import java.lang.reflect.Method;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Producer;

import org.wsdepends.core.Dependency;
import org.wsdepends.core.InjectionPlan;

/**
 * Creates a {@code @Depends} dependency by calling the user's producer through CDI, with the
 * parameters wsdepends resolved bound to its injection points; destroying it calls the user's
 * disposer and releases what CDI created for the call.
 *
 * <p>When wsdepends resolves every parameter, what CDI created for the call holds only those values,
 * which wsdepends destroys itself: it is released right after the call instead of being kept for the
 * dependency's lifetime.
 */
final class ProducerDependency implements Dependency.Factory {

    private final BeanManager beanManager;
    private final Bean<?> bean;
    private final Producer<Object> producer;
    private final Member member;
    private InjectionPlan plan = InjectionPlan.EMPTY;
    private boolean allResolved = true;

    /**
     * @param member the producer method or field
     */
    @SuppressWarnings("unchecked")
    ProducerDependency(BeanManager beanManager, Bean<?> bean, Producer<?> producer, Member member) {
        this.beanManager = beanManager;
        this.bean = bean;
        this.producer = (Producer<Object>) producer;
        this.member = member;
    }

    /**
     * Sets where the parameters wsdepends resolves go, once the whole graph exists (the inputs of a
     * producer may refer to producers analysed after it).
     *
     * @param plan  the parameters' plan
     * @param sites how many parameters wsdepends resolves
     */
    void plan(InjectionPlan plan, int sites) {
        this.plan = plan;
        this.allResolved = !(member instanceof Method method) || method.getParameterCount() == sites;
    }

    @Override
    public Dependency.Created create(Object[] arguments) throws Exception {
        CreationalContext<Object> context = beanManager.createCreationalContext(null);
        Object value = Handoff.create(plan, arguments, context, () -> producer.produce(context));
        if (allResolved) {
            Handoff.releasing(context::release);
            return new Created(value, null);
        }
        return new Created(value, context);
    }

    @Override
    public String toString() {
        return bean.toString();
    }

    private final class Created implements Dependency.Created {
        private final Object value;
        private final CreationalContext<Object> context;

        /** @param context what CDI created for the call, {@code null} if already released */
        Created(Object value, CreationalContext<Object> context) {
            this.value = value;
            this.context = context;
        }

        @Override
        public Object value() {
            return value;
        }

        @Override
        public void destroy() {
            Handoff.destroy(() -> producer.dispose(value), context);
        }
    }
}
