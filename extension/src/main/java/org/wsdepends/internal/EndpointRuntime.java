package org.wsdepends.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.wsdepends.core.JsonLimits;
import org.wsdepends.core.MessageSize;
import org.wsdepends.core.Origins;
import org.wsdepends.core.Refusal;
import org.wsdepends.core.Settings;
import org.wsdepends.security.RejectBeforeUpgrade;

/**
 * What all connections of one wrapped endpoint class share: the model, the way to its CDI side,
 * exception handling, the message codec, the limits and the open connections (ended when the
 * application stops: from then on, new connections are refused with 1001).
 */
public final class EndpointRuntime {

    private static final System.Logger LOG = System.getLogger("org.wsdepends");

    final EndpointModel model;
    final EndpointFactory factory;
    final ExceptionDispatcher exceptions;
    final MessageCodec codec;
    final String description;
    final String connectionScopeName;
    final String messageScopeName;
    final Expiry expiry = new Expiry();
    final Origins origins;
    final boolean rejectsBeforeUpgrade;
    final List<String> challenges;
    final long maxMessageSize;
    private final Set<WrappedEndpoint> open = ConcurrentHashMap.newKeySet();
    private volatile boolean ending;

    /**
     * @param model    the endpoint's model
     * @param factory  its CDI side
     * @param handlers the user's exception handler beans
     * @param limits   the deployment's settings that concern one endpoint
     */
    public EndpointRuntime(EndpointModel model, EndpointFactory factory, List<ExceptionHandlers.Registration> handlers,
            Limits limits) {
        this.model = model;
        this.factory = factory;
        this.exceptions = new ExceptionDispatcher(handlers);
        this.codec = new MessageCodec(model, factory::validator, limits.json());
        this.description = model.description();
        this.connectionScopeName = "connection of " + model.path();
        this.messageScopeName = "message of " + model.path();
        this.origins = limits.origins();
        RejectBeforeUpgrade own = model.type().getAnnotation(RejectBeforeUpgrade.class);
        this.rejectsBeforeUpgrade = own != null ? own.value() : limits.rejectBeforeUpgrade();
        this.challenges = Refusal.challenges(model.connection());
        this.maxMessageSize = limits.maxMessageSize();
    }

    /**
     * The settings of a deployment that its endpoints apply.
     *
     * @param origins             the origins allowed to connect
     * @param json                the bounds of typed JSON messages
     * @param maxMessageSize      the largest incoming message, in bytes ({@link MessageSize})
     * @param rejectBeforeUpgrade whether endpoints without {@code @RejectBeforeUpgrade} reject before the upgrade
     */
    public record Limits(Origins origins, JsonLimits json, long maxMessageSize, boolean rejectBeforeUpgrade) {

        /** No origin refused, the default JSON bounds and message size, failures answered after the upgrade. */
        public static final Limits DEFAULT = new Limits(Origins.of(null), JsonLimits.DEFAULT, MessageSize.DEFAULT, false);

        /**
         * @param settings the deployment's settings
         * @return what they set
         * @throws IllegalArgumentException naming the key of an invalid value
         */
        public static Limits of(Settings settings) {
            return new Limits(Origins.of(settings.value(Origins.KEY)), JsonLimits.of(settings), MessageSize.of(settings),
                    settings.rejectsBeforeUpgrade());
        }
    }

    /** @return the model */
    public EndpointModel model() {
        return model;
    }

    /** @return whether failed handshakes get an HTTP answer before the upgrade */
    public boolean rejectsBeforeUpgrade() {
        return rejectsBeforeUpgrade;
    }

    /**
     * @return {@code false} if the application is stopping: the connection must be refused, {@link #endAll()}
     *         will not see it
     */
    boolean opened(WrappedEndpoint connection) {
        open.add(connection);
        if (ending) {
            open.remove(connection);
            return false;
        }
        return true;
    }

    void ended(WrappedEndpoint connection) {
        open.remove(connection);
    }

    /**
     * Closes the connections still open when the application stops (undeployed, or its server stopping) with 1001;
     * each is cleaned up at once, or when its running callback returns. Connections that open from now on are
     * refused with 1001.
     */
    void closeAll() {
        ending = true;
        for (WrappedEndpoint connection : List.copyOf(open)) {
            connection.endOnShutdown();
        }
    }

    /** @return whether every connection has been cleaned up */
    boolean allEnded() {
        return open.isEmpty();
    }

    /**
     * Cleans up the connections whose callbacks did not return in time after {@link #closeAll()}, while those
     * callbacks still run: the application is going away.
     *
     * @param waited how long their callbacks were waited for, for the log
     */
    void endRemaining(Duration waited) {
        List<WrappedEndpoint> remaining = List.copyOf(open);
        if (!remaining.isEmpty()) {
            LOG.log(Level.WARNING, remaining.size() + " connection(s) of " + description + " still ran a callback "
                    + waited.toMillis() + " ms after the application began to stop; they are cleaned up while it runs");
        }
        for (WrappedEndpoint connection : remaining) {
            connection.end();
        }
        expiry.shutdown();
    }
}
