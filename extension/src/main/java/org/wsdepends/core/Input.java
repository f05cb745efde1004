package org.wsdepends.core;

import org.wsdepends.Scope;

/**
 * Something a dependant asks wsdepends for: a handshake value or a dependency.
 */
public sealed interface Input {

    /**
     * Where the input is declared, for deployment messages, e.g.
     * {@code field com.acme.ChatEndpoint.user}.
     *
     * @return the description
     */
    String site();

    /**
     * A handshake value.
     *
     * @param param the prepared value
     * @param site  where it is declared
     */
    record Param(HandshakeParam param, String site) implements Input {
    }

    /**
     * A {@code @Depends} dependency.
     *
     * @param dependency the producer
     * @param cached     whether the scope's cached instance is shared
     * @param scope      the declared scope at this injection point
     * @param site       where it is declared
     */
    record Dep(Dependency dependency, boolean cached, Scope scope, String site) implements Input {
    }

    /**
     * A credential ({@code @BearerToken}, {@code @ApiKey}, {@code @BasicAuth}).
     *
     * @param credential the prepared credential
     * @param site       where it is declared
     */
    record Secret(Credential credential, String site) implements Input {
    }

    /**
     * The identity the container authenticated for the handshake (design §5: the source of an
     * {@code Identity} when the deployment has no producer of one).
     *
     * @param required whether no authenticated caller is {@code Not authenticated} (an injection point);
     *                 otherwise it resolves to {@code null} and the roles decide (a security annotation)
     * @param site     where it is declared
     */
    record ContainerIdentity(boolean required, String site) implements Input {
    }
}
