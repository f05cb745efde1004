package org.wsdepends.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;

import org.wsdepends.ValidationError;

/**
 * Bean Validation violations of a typed message as FastAPI's body errors: {@code loc} starts with
 * {@code "body"} and follows the property path, type and message in pydantic's terms.
 */
public final class BodyErrors {

    private BodyErrors() {
    }

    /**
     * @param violations what a {@code Validator} reported for one message
     * @return the errors, sorted by {@code loc} so the order does not depend on the validator's
     */
    public static List<ValidationError> of(Set<? extends ConstraintViolation<?>> violations) {
        List<ValidationError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations) {
            List<Object> loc = new ArrayList<>();
            loc.add("body");
            for (Path.Node node : violation.getPropertyPath()) {
                if (node.getName() != null) {
                    loc.add(node.getName());
                }
                if (node.getIndex() != null) {
                    loc.add(node.getIndex());
                }
            }
            ConstraintCheck.Failure failure = Constraints.describe(violation.getConstraintDescriptor().getAnnotation(),
                    violation.getInvalidValue(), violation.getMessage());
            errors.add(new ValidationError(failure.type(), loc, failure.msg(), violation.getInvalidValue(), failure.ctx()));
        }
        errors.sort(Comparator.comparing(error -> error.loc().toString()));
        return errors;
    }
}
