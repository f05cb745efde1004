package org.wsdepends;

import java.lang.annotation.Annotation;

import jakarta.enterprise.util.AnnotationLiteral;

/**
 * The shared part of the {@code Literal} classes of the qualifiers whose only member is the wire
 * name ({@link Query}, {@link Header}, {@link Cookie}, {@link Path}).
 *
 * @param <A> the qualifier
 */
abstract class NamedLiteral<A extends Annotation> extends AnnotationLiteral<A> {

    private static final long serialVersionUID = 1L;

    private final Class<A> type;
    private final String value;

    NamedLiteral(Class<A> type, String value) {
        if (value == null) {
            throw new NullPointerException("value");
        }
        this.type = type;
        this.value = value;
    }

    // AnnotationLiteral reads the type from its direct subclass's type argument, a variable here
    @Override
    public Class<? extends Annotation> annotationType() {
        return type;
    }

    /**
     * @return the wire name, {@code ""} for the element name
     */
    public String value() {
        return value;
    }
}
