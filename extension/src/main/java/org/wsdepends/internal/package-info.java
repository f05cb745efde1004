/**
 * The Jakarta WebSocket adapter of wrapped endpoints: per-connection lifecycle
 * ({@link org.wsdepends.internal.WrappedEndpoint}), handler signatures and dispatch, the message codec,
 * exception decisions, and the container registration in a WAR ({@link org.wsdepends.internal.WsDependsApplicationConfig}
 * takes the wrapped classes from the container's scan, {@link org.wsdepends.internal.WarRegistration} registers their
 * adapters). It imports {@code jakarta.websocket} (and {@code jakarta.servlet} for the registration) and never
 * {@code jakarta.enterprise}: it reaches CDI only through
 * {@link org.wsdepends.internal.EndpointFactory} and {@link org.wsdepends.internal.Deployment}, which the
 * extension implements. Internal: API stability is <b>not</b> guaranteed.
 */
package org.wsdepends.internal;
