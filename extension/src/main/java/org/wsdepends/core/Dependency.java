package org.wsdepends.core;

/**
 * A {@code @Produces @Depends} producer: a node of the dependency graph. Its inputs are set once
 * after all nodes exist, because the graph may refer to nodes not built yet (and, in a broken
 * deployment, contain cycles that {@link DependencyGraph} reports).
 */
public final class Dependency {

    /** Creates one instance from its resolved inputs. */
    @FunctionalInterface
    public interface Factory {

        /**
         * @param arguments the values of the {@link #inputs()}, in declaration order
         * @return the created instance and how to destroy it
         * @throws Exception whatever the producer throws
         */
        Created create(Object[] arguments) throws Exception;
    }

    /** One created instance. */
    public interface Created {

        /** @return the instance, may be {@code null} */
        Object value();

        /**
         * Runs the disposer and releases what the creation held. Called at most once.
         *
         * @throws Exception whatever the disposer throws
         */
        void destroy() throws Exception;
    }

    private final String member;
    private final String shortName;
    private final Factory factory;
    private Dependant inputs;

    /**
     * @param member    the producer, e.g. {@code com.acme.Dependencies#user}
     * @param shortName the name used in FastAPI's scope message, e.g. {@code user}
     * @param factory   how to create an instance
     */
    public Dependency(String member, String shortName, Factory factory) {
        this.member = member;
        this.shortName = shortName;
        this.factory = factory;
    }

    /**
     * @param inputs what the producer's parameters ask wsdepends for
     * @throws IllegalStateException if already set
     */
    public void setInputs(Dependant inputs) {
        if (this.inputs != null) {
            throw new IllegalStateException("inputs of " + member + " already set");
        }
        this.inputs = inputs;
    }

    /** @return what the producer's parameters ask for; empty until {@link #setInputs} */
    public Dependant inputs() {
        return inputs == null ? Dependant.NONE : inputs;
    }

    /** @return the producer, e.g. {@code com.acme.Dependencies#user} */
    public String member() {
        return member;
    }

    /** @return the name used in FastAPI's scope message */
    public String shortName() {
        return shortName;
    }

    /** @return how an instance is created */
    public Factory factory() {
        return factory;
    }

    @Override
    public String toString() {
        return member;
    }
}
