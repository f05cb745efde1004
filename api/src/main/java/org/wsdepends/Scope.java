package org.wsdepends;

/**
 * How long a {@link Depends} dependency lives, and so when its disposer runs.
 */
public enum Scope {

    /**
     * The scope of the place the dependency is injected: {@link #CONNECTION} for fields,
     * constructors, initializers and {@code @OnOpen}/{@code @OnClose} parameters, {@link #MESSAGE}
     * for {@code @OnMessage}/{@code @OnError} parameters, and the scope of the dependent producer for
     * a producer parameter.
     */
    AUTO,

    /**
     * Created when the connection opens (or first asked for during it) and disposed when the
     * connection ends, however it ends.
     */
    CONNECTION,

    /**
     * Created for one {@code @OnMessage} or {@code @OnError} call and disposed when that call
     * returns, before any connection-scoped cleanup. A connection-scoped dependency cannot depend on
     * a message-scoped one (a deployment error).
     */
    MESSAGE
}
