package org.wsdepends.core;

import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.wsdepends.Cookie;
import org.wsdepends.DefaultValue;
import org.wsdepends.Header;
import org.wsdepends.Path;
import org.wsdepends.Query;

/**
 * Builds {@link HandshakeParam}s from injection points at deployment.
 */
public final class HandshakeParams {

    private static final String PATH_PARAM = "jakarta.websocket.server.PathParam";

    private HandshakeParams() {
    }

    /**
     * The source and explicit name of a wsdepends handshake qualifier among the annotations.
     *
     * @param annotations the annotations of a field or parameter
     * @return the source and explicit name ({@code ""} for the element name), or {@code null} if none
     */
    public static Qualified qualifierOf(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            Qualified qualified = qualifierOf(annotation);
            if (qualified != null) {
                return qualified;
            }
        }
        return null;
    }

    /**
     * The source and explicit name of one annotation, if it is a handshake qualifier: wsdepends'
     * own, or Jakarta's {@code @PathParam} (recognised by name: this package does not depend on the
     * WebSocket API).
     *
     * @param annotation any annotation
     * @return the source and explicit name, or {@code null} if it is no handshake qualifier
     */
    public static Qualified qualifierOf(Annotation annotation) {
        if (annotation instanceof Query query) {
            return new Qualified(Source.QUERY, query.value());
        } else if (annotation instanceof Header header) {
            return new Qualified(Source.HEADER, header.value());
        } else if (annotation instanceof Cookie cookie) {
            return new Qualified(Source.COOKIE, cookie.value());
        } else if (annotation instanceof Path path) {
            return new Qualified(Source.PATH, path.value());
        } else if (annotation.annotationType().getName().equals(PATH_PARAM)) {
            try {
                return new Qualified(Source.PATH, (String) annotation.annotationType().getMethod("value").invoke(annotation), true);
            } catch (ReflectiveOperationException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return null;
    }

    /**
     * Prepares one handshake value.
     *
     * @param qualified   the source and explicit name
     * @param elementName the field or parameter name, used when the explicit name is empty
     * @param type        the injection point's type
     * @param annotations the injection point's annotations ({@code @DefaultValue}, constraints)
     * @param converters  the converter for an element class, {@code null} if there is none
     * @param constraints the injection point's Bean Validation constraints, {@code null} for none
     * @param site        the injection point, for the messages ({@link Sites})
     * @return the prepared value
     * @throws IllegalArgumentException with the {@link Messages} text, if the type has no conversion, the default does
     *                                  not convert or a constraint is not supported
     */
    public static HandshakeParam create(Qualified qualified, String elementName, Type type, Annotation[] annotations,
            Function<Class<?>, Converter> converters, ValueConstraints constraints, String site) {
        String name = qualified.name().isEmpty()
                ? (qualified.source() == Source.HEADER ? HandshakeParam.headerName(elementName) : elementName)
                : qualified.name();
        HandshakeParam.Shape shape = HandshakeParam.Shape.SINGLE;
        Type elementType = type;
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            if (raw == Optional.class) {
                shape = HandshakeParam.Shape.OPTIONAL;
            } else if (raw == Set.class) {
                shape = HandshakeParam.Shape.SET;
            } else if (raw == List.class || raw == Collection.class) {
                shape = HandshakeParam.Shape.LIST;
            }
            if (shape != HandshakeParam.Shape.SINGLE) {
                elementType = parameterized.getActualTypeArguments()[0];
            }
        }
        if (!(elementType instanceof Class<?> elementClass)) {
            throw new IllegalArgumentException(Messages.notAConcreteType(site, type.getTypeName()));
        }
        Converter converter = converters.apply(elementClass);
        if (converter == null) {
            throw new IllegalArgumentException(Messages.noConversion(site, elementClass));
        }
        String defaultValue = null;
        for (Annotation annotation : annotations) {
            if (annotation instanceof DefaultValue value) {
                defaultValue = value.value();
            }
        }
        HandshakeParam param = new HandshakeParam(qualified.source(), name, shape, converter, defaultValue, constraints);
        if (defaultValue != null) {
            checkDefault(param, defaultValue, site);
        }
        return param;
    }

    private static void checkDefault(HandshakeParam param, String defaultValue, String site) {
        List<org.wsdepends.ValidationError> errors = new ArrayList<>();
        param.resolve(HandshakeData.of("", null, null, null), errors);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(Messages.invalidDefault(site, defaultValue, errors.get(0).msg()));
        }
    }

    /**
     * A handshake qualifier's meaning.
     *
     * @param source  where the value is read
     * @param name    the explicit wire name, {@code ""} for the element name
     * @param jakarta whether it is Jakarta's {@code @PathParam}, whose unknown names give {@code null}
     *                (its Javadoc) where wsdepends' {@code @Path} fails the deployment
     */
    public record Qualified(Source source, String name, boolean jakarta) {

        /**
         * @param source where the value is read
         * @param name   the explicit wire name, {@code ""} for the element name
         */
        public Qualified(Source source, String name) {
            this(source, name, false);
        }
    }
}
