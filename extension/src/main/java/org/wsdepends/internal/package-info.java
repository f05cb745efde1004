/**
 * The Jakarta WebSocket adapter of wrapped endpoints: per-connection lifecycle
 * ({@link org.wsdepends.internal.WrappedEndpoint}), handler signatures and dispatch, the message codec,
 * exception decisions, and the container registration ({@link org.wsdepends.internal.WsDependsApplicationConfig}).
 * It imports {@code jakarta.websocket} and never {@code jakarta.enterprise}: it reaches CDI only through
 * {@link org.wsdepends.internal.EndpointFactory} and {@link org.wsdepends.internal.Deployment}, which the
 * extension implements. Internal: API stability is <b>not</b> guaranteed.
 */
package org.wsdepends.internal;
