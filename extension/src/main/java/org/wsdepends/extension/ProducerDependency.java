package org.wsdepends.extension;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Any;
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
 * dependency's lifetime. A producer method of an {@code @ApplicationScoped} bean (or a static one)
 * whose parameters wsdepends all resolves is called directly, on the bean's contextual instance as
 * Weld calls it (so its interceptors apply): through CDI each call cost a creational context, and for
 * each parameter a dependent bean instance and a copy of the injection point (4.4 KiB per handshake
 * for the benchmark's two producers). Other producers keep going through CDI.
 */
final class ProducerDependency implements Dependency.Factory {

    private final BeanManager beanManager;
    private final Bean<?> bean;
    private final Producer<Object> producer;
    private final Member member;
    private final boolean callable;
    private InjectionPlan plan = InjectionPlan.EMPTY;
    private boolean allResolved = true;
    /**
     * Calls the method directly: {@code (Object receiver, Object[] arguments)Object}; {@code null} to go through CDI
     * (a parameter wsdepends does not resolve, or a declaring bean that is not application-scoped).
     */
    private volatile MethodHandle direct;
    private int[] argumentIndexes;
    /** The receiver of direct calls, found on the first one: the declaring bean's one instance, none for a static method. */
    private volatile Object receiver;
    private volatile boolean receiverFound;

    /**
     * @param member     the producer method or field
     * @param userMethod whether {@code producer} is the container's own, which calls {@code member}; one another
     *                   extension set (a test override) is always called through CDI
     */
    @SuppressWarnings("unchecked")
    ProducerDependency(BeanManager beanManager, Bean<?> bean, Producer<?> producer, Member member, boolean userMethod) {
        this.beanManager = beanManager;
        this.bean = bean;
        this.producer = (Producer<Object>) producer;
        this.member = member;
        this.callable = userMethod;
        // a producer without parameters gets no plan later
        plan(InjectionPlan.EMPTY, 0);
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
        if (callable && allResolved && member instanceof Method method) {
            argumentIndexes = new int[method.getParameterCount()];
            for (int i = 0; i < argumentIndexes.length; i++) {
                argumentIndexes[i] = plan.indexOf(method, i);
            }
            direct = directHandle(method);
        }
    }

    private static MethodHandle directHandle(Method method) {
        method.setAccessible(true);
        MethodHandle handle;
        try {
            handle = MethodHandles.lookup().unreflect(method);
        } catch (IllegalAccessException notAccessible) {
            return null;
        }
        if (Modifier.isStatic(method.getModifiers())) {
            handle = MethodHandles.dropArguments(handle, 0, Object.class);
        }
        return handle.asType(handle.type().generic()).asSpreader(Object[].class, method.getParameterCount())
                .asType(MethodType.methodType(Object.class, Object.class, Object[].class));
    }

    @Override
    public Dependency.Created create(Object[] arguments) throws Exception {
        MethodHandle call = direct;
        if (call != null && (receiverFound || findReceiver())) {
            Object[] parameters = new Object[argumentIndexes.length];
            for (int i = 0; i < parameters.length; i++) {
                parameters[i] = arguments[argumentIndexes[i]];
            }
            try {
                return new Created((Object) call.invokeExact(receiver, parameters), null);
            } catch (Exception | Error thrown) {
                throw thrown;
            } catch (Throwable other) {
                throw new UndeclaredThrowableException(other);
            }
        }
        CreationalContext<Object> context = beanManager.createCreationalContext(null);
        Object value = Handoff.create(plan, arguments, context, () -> producer.produce(context));
        if (allResolved) {
            Handoff.releasing(context::release);
            return new Created(value, null);
        }
        return new Created(value, context);
    }

    /**
     * Finds the contextual instance Weld would call the producer on (not its client proxy), once; the
     * bean's scope is known only now, after deployment.
     *
     * @return whether the method can be called directly
     */
    private boolean findReceiver() {
        if (!Modifier.isStatic(member.getModifiers())) {
            Class<?> declaring = member.getDeclaringClass();
            Set<Bean<?>> candidates = beanManager.getBeans(declaring, Any.Literal.INSTANCE).stream()
                    .filter(candidate -> candidate.getBeanClass() == declaring && candidate.getTypes().contains(declaring))
                    .collect(Collectors.toSet());
            Bean<?> declaringBean = candidates.size() == 1 ? candidates.iterator().next() : null;
            if (declaringBean == null || declaringBean.getScope() != ApplicationScoped.class) {
                direct = null;
                return false;
            }
            receiver = instance(declaringBean);
        }
        receiverFound = true;
        return true;
    }

    private <T> T instance(Bean<T> declaringBean) {
        return beanManager.getContext(ApplicationScoped.class).get(declaringBean, beanManager.createCreationalContext(declaringBean));
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
