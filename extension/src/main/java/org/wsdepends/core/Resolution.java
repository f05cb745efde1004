package org.wsdepends.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.wsdepends.RequestValidationException;
import org.wsdepends.Scope;
import org.wsdepends.ValidationError;
import org.wsdepends.security.Identity;
import org.wsdepends.security.NotAuthenticatedException;

/**
 * Resolves a dependant's inputs for one connection or message, as FastAPI's
 * {@code solve_dependencies} does: depth-first, sub-dependencies before the dependant's own values,
 * every problem collected, a producer not called when its own inputs had problems, and each
 * dependency created once per scope instance unless {@code cached = false}.
 */
public final class Resolution {

    private final HandshakeData handshake;
    private final DependencyScope connection;
    private final DependencyScope message;
    private final List<ValidationError> errors = new ArrayList<>(2);

    private Resolution(HandshakeData handshake, DependencyScope connection, DependencyScope message) {
        this.handshake = handshake;
        this.connection = connection;
        this.message = message;
    }

    /**
     * Resolves the inputs of {@code dependant}. What is created is recorded in the scopes; on any
     * failure the caller closes them, which destroys what this call created.
     *
     * @param dependant  what to resolve
     * @param place      the scope of the place the dependant is in: {@link Scope#CONNECTION} or
     *                   {@link Scope#MESSAGE}
     * @param handshake  the connection's handshake
     * @param connection the connection's scope
     * @param message    the message's scope, {@code null} outside a message
     * @param endpoint   the endpoint, for the exception message, e.g. {@code WS /rooms/{room}}
     * @return the values in the dependant's declaration order
     * @throws RequestValidationException with every problem found, if there was any
     * @throws NotAuthenticatedException at the first missing or malformed credential, or a required
     *                                   container identity the container did not authenticate
     * @throws Exception                  whatever a producer threw; resolution stops there
     */
    public static Object[] resolve(Dependant dependant, Scope place, HandshakeData handshake,
            DependencyScope connection, DependencyScope message, String endpoint) throws Exception {
        Resolution resolution = new Resolution(handshake, connection, message);
        Object[] values = resolution.resolveAll(dependant, place);
        if (!resolution.errors.isEmpty()) {
            // FastAPI reports a value once per declaration (a token read by the endpoint and by a
            // dependency is "missing" twice); identical entries tell the client nothing more and
            // use up the 123-byte close reason, so each is reported once
            throw new RequestValidationException(List.copyOf(new LinkedHashSet<>(resolution.errors)), endpoint);
        }
        return values;
    }

    private Object[] resolveAll(Dependant dependant, Scope place) throws Exception {
        List<Input> inputs = dependant.inputs();
        Object[] values = new Object[inputs.size()];
        for (int index : dependant.resolutionOrder()) {
            Input input = inputs.get(index);
            if (input instanceof Input.Param param) {
                values[index] = param.param().resolve(handshake, errors);
            } else if (input instanceof Input.Secret secret) {
                // not authenticated wins over the validation errors of other values (design §5)
                values[index] = secret.credential().resolve(handshake);
            } else if (input instanceof Input.ContainerIdentity caller) {
                values[index] = containerIdentity(caller);
            } else {
                values[index] = resolveDependency((Input.Dep) input, place);
            }
        }
        return values;
    }

    private Identity containerIdentity(Input.ContainerIdentity input) {
        Identity identity = handshake.containerIdentity();
        if (identity == null && input.required()) {
            throw new NotAuthenticatedException();
        }
        return identity;
    }

    private Object resolveDependency(Input.Dep input, Scope place) throws Exception {
        Scope scope = input.scope() == Scope.AUTO ? place : input.scope();
        DependencyScope target = scope == Scope.MESSAGE && message != null ? message : connection;
        Dependency dependency = input.dependency();
        if (input.cached()) {
            Object cached = target.cached(dependency);
            if (!DependencyScope.isAbsent(cached)) {
                return cached;
            }
        }
        int errorsBefore = errors.size();
        Object[] arguments = resolveAll(dependency.inputs(), scope);
        if (errors.size() > errorsBefore) {
            return null;
        }
        Dependency.Created created = dependency.factory().create(arguments);
        target.add(dependency, created, input.cached());
        return created.value();
    }
}
