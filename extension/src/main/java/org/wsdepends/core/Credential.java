package org.wsdepends.core;

import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.wsdepends.security.ApiKey;
import org.wsdepends.security.BasicAuth;
import org.wsdepends.security.BasicCredentials;
import org.wsdepends.security.BearerToken;
import org.wsdepends.security.NotAuthenticatedException;

/**
 * One credential an injection point asks for ({@code @BearerToken}, {@code @ApiKey}, {@code @BasicAuth}),
 * prepared at deployment; {@link #resolve} reads it from one handshake. A missing or malformed
 * credential of a required injection point is {@link NotAuthenticatedException}; of an
 * {@code Optional} one, empty. Nothing here ever puts the credential into a message.
 */
public final class Credential {

    /** The subprotocol that announces a bearer token as the next offered subprotocol. */
    public static final String BEARER_SUBPROTOCOL = "bearer";
    /** The header browsers can set: their offered subprotocols. */
    public static final String SUBPROTOCOL_HEADER = "Sec-WebSocket-Protocol";

    private enum Kind { BEARER, API_KEY, BASIC }

    private final Kind kind;
    private final ApiKey.In in;
    private final String name;
    private final boolean optional;

    private Credential(Kind kind, ApiKey.In in, String name, boolean optional) {
        this.kind = kind;
        this.in = in;
        this.name = name;
        this.optional = optional;
    }

    /**
     * @param annotation any annotation
     * @return whether it asks for a credential
     */
    public static boolean isCredential(Annotation annotation) {
        return annotation instanceof BearerToken || annotation instanceof ApiKey || annotation instanceof BasicAuth;
    }

    /**
     * @param annotations the injection point's annotations
     * @param type        its type
     * @param site        the site, for the message
     * @return the credential, {@code null} if the annotations ask for none
     * @throws IllegalArgumentException ({@link Messages#unsupportedCredentialType}) for a type it cannot be injected as
     */
    public static Credential of(Annotation[] annotations, Type type, String site) {
        for (Annotation annotation : annotations) {
            if (isCredential(annotation)) {
                Class<?> expected = annotation instanceof BasicAuth ? BasicCredentials.class : String.class;
                boolean optional = type instanceof ParameterizedType parameterized && parameterized.getRawType() == Optional.class
                        && parameterized.getActualTypeArguments()[0] == expected;
                if (!optional && type != expected) {
                    throw new IllegalArgumentException(Messages.unsupportedCredentialType(site, annotation.annotationType()
                            .getSimpleName(), type.getTypeName(), expected.getSimpleName()));
                }
                if (annotation instanceof ApiKey key) {
                    return new Credential(Kind.API_KEY, key.in(), key.name(), optional);
                }
                return new Credential(annotation instanceof BearerToken ? Kind.BEARER : Kind.BASIC, null, "Authorization", optional);
            }
        }
        return null;
    }

    /** @return the request headers this credential is read from, for the handshake copy */
    public Set<String> headers() {
        if (kind == Kind.BEARER) {
            return Set.of("Authorization", SUBPROTOCOL_HEADER);
        } else if (kind == Kind.BASIC) {
            return Set.of("Authorization");
        }
        return in == ApiKey.In.HEADER ? Set.of(name) : in == ApiKey.In.COOKIE ? Set.of("Cookie") : Set.of();
    }

    /** @return whether the bearer subprotocol carrier may carry it */
    public boolean isBearer() {
        return kind == Kind.BEARER;
    }

    /**
     * @param handshake the handshake
     * @return the value to inject
     * @throws NotAuthenticatedException if a required credential is missing or malformed
     */
    public Object resolve(HandshakeData handshake) {
        Object value = switch (kind) {
            case BEARER -> bearer(handshake);
            case BASIC -> basic(handshake);
            case API_KEY -> apiKey(handshake);
        };
        if (optional) {
            return Optional.ofNullable(value);
        }
        if (value == null) {
            throw new NotAuthenticatedException();
        }
        return value;
    }

    private static String bearer(HandshakeData handshake) {
        String fromHeader = authorization(handshake, "Bearer");
        String fromSubprotocol = null;
        List<String> offered = handshake.header(SUBPROTOCOL_HEADER).stream()
                .flatMap(line -> java.util.Arrays.stream(line.split(","))).map(String::strip).toList();
        for (int i = 0; i < offered.size(); i++) {
            if (offered.get(i).equalsIgnoreCase(BEARER_SUBPROTOCOL)) {
                if (i + 1 >= offered.size() || fromSubprotocol != null) {
                    return null;
                }
                fromSubprotocol = offered.get(i + 1);
            }
        }
        if (fromHeader != null && fromSubprotocol != null || fromHeader == MALFORMED) {
            return null;
        }
        return fromHeader != null ? fromHeader : fromSubprotocol == null || fromSubprotocol.isEmpty() ? null : fromSubprotocol;
    }

    private static BasicCredentials basic(HandshakeData handshake) {
        String encoded = authorization(handshake, "Basic");
        if (encoded == null || encoded == MALFORMED) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    private String apiKey(HandshakeData handshake) {
        List<String> values = switch (in) {
            case HEADER -> handshake.header(name);
            case QUERY -> handshake.query(name);
            case COOKIE -> handshake.cookie(name);
        };
        return values.size() != 1 || values.get(0).isBlank() ? null : values.get(0);
    }

    /** Marks an {@code Authorization} header that is there but unusable (twice, or another scheme's). */
    private static final String MALFORMED = new String("malformed");

    /** @return the credentials after the scheme, {@code null} without a header, {@link #MALFORMED} if unusable */
    private static String authorization(HandshakeData handshake, String scheme) {
        List<String> lines = handshake.header("Authorization");
        if (lines.isEmpty()) {
            return null;
        }
        if (lines.size() > 1) {
            return MALFORMED;
        }
        String line = lines.get(0).strip();
        int space = line.indexOf(' ');
        if (space < 0 || !line.substring(0, space).toLowerCase(Locale.ROOT).equals(scheme.toLowerCase(Locale.ROOT))) {
            return MALFORMED;
        }
        String credentials = line.substring(space + 1).strip();
        return credentials.isEmpty() ? MALFORMED : credentials;
    }

    /**
     * The {@code WWW-Authenticate} challenge of this credential's scheme, for a 401 before the upgrade.
     *
     * @return {@code Bearer}, {@code Basic realm="wsdepends"} or {@code ApiKey}
     */
    public String challenge() {
        return switch (kind) {
            case BEARER -> "Bearer";
            // RFC 7617 makes the realm required
            case BASIC -> "Basic realm=\"wsdepends\"";
            case API_KEY -> "ApiKey";
        };
    }

    @Override
    public String toString() {
        return kind == Kind.API_KEY ? "API key " + in.name().toLowerCase(Locale.ROOT) + " \"" + name + "\"" : kind + " credentials";
    }
}
