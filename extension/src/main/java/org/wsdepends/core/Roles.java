package org.wsdepends.core;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.Set;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import org.wsdepends.security.ForbiddenException;
import org.wsdepends.security.Identity;
import org.wsdepends.security.NotAuthenticatedException;

/**
 * What {@code @RolesAllowed}, {@code @PermitAll} or {@code @DenyAll} on an endpoint class or an
 * {@code @OnMessage} method requires of the connection's {@link Identity} (design §5). A method's
 * annotation overrides its class's, as in Jakarta EE.
 */
public final class Roles {

    private final boolean permitAll;
    private final boolean denyAll;
    private final Set<String> allowed;

    private Roles(boolean permitAll, boolean denyAll, Set<String> allowed) {
        this.permitAll = permitAll;
        this.denyAll = denyAll;
        this.allowed = allowed;
    }

    /**
     * @param annotation any annotation
     * @return whether it is {@code @RolesAllowed}, {@code @PermitAll} or {@code @DenyAll}
     */
    public static boolean isSecurityAnnotation(Annotation annotation) {
        return annotation instanceof RolesAllowed || annotation instanceof PermitAll || annotation instanceof DenyAll;
    }

    /**
     * @param element a class or method
     * @return what its own annotation requires, {@code null} if it has none
     */
    public static Roles of(AnnotatedElement element) {
        if (element.isAnnotationPresent(DenyAll.class)) {
            return new Roles(false, true, Set.of());
        } else if (element.isAnnotationPresent(RolesAllowed.class)) {
            return new Roles(false, false, Set.of(element.getAnnotation(RolesAllowed.class).value()));
        } else if (element.isAnnotationPresent(PermitAll.class)) {
            return new Roles(true, false, Set.of());
        }
        return null;
    }

    /** @return the roles {@code @RolesAllowed} names, empty for {@code @PermitAll} and {@code @DenyAll} */
    public Set<String> allowed() {
        return allowed;
    }

    /**
     * @param identity the connection's identity, {@code null} if there is none
     * @throws NotAuthenticatedException without an identity (unless all are permitted)
     * @throws ForbiddenException        if the identity lacks every allowed role, or all are denied
     */
    public void check(Identity identity) {
        if (permitAll) {
            return;
        }
        if (identity == null) {
            throw new NotAuthenticatedException();
        }
        if (denyAll || allowed.stream().noneMatch(identity.roles()::contains)) {
            throw new ForbiddenException();
        }
    }
}
