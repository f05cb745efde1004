package org.wsdepends.core;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.validation.Configuration;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.UnexpectedTypeException;
import jakarta.validation.Validator;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ElementDescriptor;
import jakarta.validation.metadata.ExecutableDescriptor;
import jakarta.validation.valueextraction.ExtractedValue;
import jakarta.validation.valueextraction.UnwrapByDefault;
import jakarta.validation.valueextraction.ValueExtractor;

import org.wsdepends.ValidationError;

/**
 * The Bean Validation constraints of one handshake injection point, checked by the deployment's
 * {@link Validator} (Hibernate Validator on every runtime) against the element they are declared on:
 * built-in and custom constraints, {@code @Email}, composed constraints and container element
 * constraints ({@code List<@Min(1) Integer>}) all work as Bean Validation defines them. Violations
 * are worded in pydantic's terms by {@link Constraints#describe}.
 *
 * <p>A field is validated with {@code validateValue}, a constructor parameter with
 * {@code validateConstructorParameters}. A method parameter (initializer, producer, handler) needs an
 * instance to validate against, which does not exist yet when the handshake is resolved: a shadow
 * instance of the class, allocated once without running a constructor, stands in for it. It is never
 * seen by user code; only {@code ConstraintViolation.getRootBean()} would return it.
 */
public final class ValueConstraints {

    private final Function<Object, Set<? extends ConstraintViolation<?>>> validate;
    private final int parameter;

    private ValueConstraints(Function<Object, Set<? extends ConstraintViolation<?>>> validate, int parameter) {
        this.validate = validate;
        this.parameter = parameter;
    }

    /**
     * Configures a validator factory for handshake values: a constraint declared on an
     * {@code Optional<T>} injection point applies to the {@code T} inside (as wsdepends has always
     * applied it, and as pydantic does), while Bean Validation by default asks for
     * {@code Optional<@Min(1) Integer>}; both forms work.
     *
     * @param configuration the configuration
     * @return the configuration
     */
    public static Configuration<?> configure(Configuration<?> configuration) {
        return configuration.addValueExtractor(new OptionalContent());
    }

    /** Bean Validation's extractor of {@code Optional}'s content, applied to constraints on the optional itself. */
    @UnwrapByDefault
    static final class OptionalContent implements ValueExtractor<Optional<@ExtractedValue ?>> {
        @Override
        public void extractValues(Optional<?> originalValue, ValueReceiver receiver) {
            receiver.value(null, originalValue.orElse(null));
        }
    }

    /**
     * The constraints of a site, checked once at deployment against {@code null} so that a
     * constraint no validator can check on the site's type fails the deployment, not a handshake.
     *
     * @param validator the validator
     * @param member    the field, constructor or method
     * @param position  the parameter position, {@link InjectionPlan#FIELD} for a field
     * @param owner     the class whose instance a method parameter is validated against (the endpoint,
     *                  or the producer's bean class)
     * @param site      the site, for the message
     * @return the constraints, or {@code null} when the site has none (nothing to do per handshake)
     * @throws IllegalArgumentException with {@link Messages#constraintNotApplicable}, if a constraint
     *                                  cannot validate the site's type
     */
    public static ValueConstraints of(Validator validator, Member member, int position, Class<?> owner, String site) {
        BeanDescriptor bean = validator.getConstraintsForClass(member.getDeclaringClass());
        ValueConstraints constraints;
        if (member instanceof Field field) {
            ElementDescriptor property = bean.getConstraintsForProperty(field.getName());
            if (!constrained(property)) {
                return null;
            }
            constraints = new ValueConstraints(value -> validator.validateValue(field.getDeclaringClass(), field.getName(), value), -1);
        } else if (member instanceof Constructor<?> constructor) {
            if (!constrained(bean.getConstraintsForConstructor(constructor.getParameterTypes()), position)) {
                return null;
            }
            constraints = new ValueConstraints(value -> validator.forExecutables().validateConstructorParameters(constructor,
                    arguments(constructor, position, value)), position);
        } else {
            Method method = (Method) member;
            if (!constrained(bean.getConstraintsForMethod(method.getName(), method.getParameterTypes()), position)) {
                return null;
            }
            Object shadow = Shadows.of(owner);
            constraints = new ValueConstraints(value -> validator.forExecutables().validateParameters(shadow, method,
                    arguments(method, position, value)), position);
        }
        try {
            constraints.validate.apply(null);
        } catch (UnexpectedTypeException noValidator) {
            throw new IllegalArgumentException(Messages.constraintNotApplicable(site, noValidator.getMessage()), noValidator);
        }
        return constraints;
    }

    /**
     * Validates the value an injection point would receive, adding one error per violation.
     *
     * @param value  the converted value (for a collection, the whole collection; for {@code Optional}, the optional)
     * @param raw    the raw handshake string, or the list of them for a collection
     * @param loc    the error location, e.g. {@code ["query", "tags"]}; an element's index is appended
     * @param errors where errors are added, sorted by location, then type
     */
    public void check(Object value, Object raw, List<Object> loc, List<ValidationError> errors) {
        Set<? extends ConstraintViolation<?>> violations = validate.apply(value);
        if (violations.isEmpty()) {
            return;
        }
        List<ValidationError> found = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations) {
            Integer index = null;
            boolean ours = parameter < 0;
            for (Path.Node node : violation.getPropertyPath()) {
                if (node.getKind() == ElementKind.PARAMETER) {
                    ours = node.as(Path.ParameterNode.class).getParameterIndex() == parameter;
                } else if (node.getIndex() != null) {
                    index = node.getIndex();
                }
            }
            if (!ours) {
                continue;
            }
            List<Object> at = loc;
            Object input = raw;
            if (index != null && raw instanceof List<?> rawList && index < rawList.size()) {
                at = new ArrayList<>(loc);
                at.add(index);
                input = rawList.get(index);
            }
            ConstraintCheck.Failure failure = Constraints.describe(violation.getConstraintDescriptor().getAnnotation(),
                    violation.getInvalidValue(), violation.getMessage());
            found.add(new ValidationError(failure.type(), at, failure.msg(), input, failure.ctx()));
        }
        found.sort(Comparator.comparing((ValidationError error) -> error.loc().toString()).thenComparing(ValidationError::type));
        errors.addAll(found);
    }

    private static boolean constrained(ElementDescriptor element) {
        return element != null && (element.hasConstraints() || element instanceof jakarta.validation.metadata.PropertyDescriptor
                property && !property.getConstrainedContainerElementTypes().isEmpty());
    }

    private static boolean constrained(ExecutableDescriptor executable, int position) {
        if (executable == null) {
            return false;
        }
        var parameter = executable.getParameterDescriptors().get(position);
        return parameter.hasConstraints() || !parameter.getConstrainedContainerElementTypes().isEmpty();
    }

    private static Object[] arguments(Executable executable, int position, Object value) {
        Object[] arguments = new Object[executable.getParameterCount()];
        arguments[position] = value;
        return arguments;
    }
}
